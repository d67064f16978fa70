// The per-request CSP nonce, from entry.server.tsx down to <Scripts> and <ScrollRestoration>.
// In the browser the context is empty: the nonce attribute is only read on the server's HTML.
import { createContext, useContext } from "react";

export const NonceContext = createContext<string>("");
export const NonceProvider = NonceContext.Provider;

export function useNonce(): string {
  return useContext(NonceContext);
}
