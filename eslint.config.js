import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "build/**",
      "node_modules/**",
      "app/generated/**",
      "data/**",
      "tmp/**",
      "test-results/**",
      "public/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-var": "off",
    },
  },
  {
    files: ["**/*.tsx"],
    plugins: { react, "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    settings: { react: { version: "detect" } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs["jsx-runtime"].rules,
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.configs.recommended.rules,
      "react/prop-types": "off",
    },
  },
  // layers go one way: routes → modules → db/utils (docs/architecture.md). Utils and components
  // import no server code of a module (its schemas and pure rules are shared with the browser);
  // only modules (and the adapters that need it) touch the Prisma client.
  {
    files: ["app/utils/**/*.{ts,tsx}", "app/components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["~/modules/**/*.server", "~/modules/**/*.server.ts"],
              message:
                "utils and components import no module server code: pass the data in, or move the code into the module",
            },
            { group: ["~/routes/**"], message: "nothing imports a route" },
            {
              group: ["~/db.server", "~/generated/prisma/client"],
              message: "only modules use the Prisma client",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["app/modules/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [{ group: ["~/routes/**"], message: "modules never import routes: routes call modules" }],
        },
      ],
    },
  },
  {
    files: ["app/routes/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["~/db.server", "~/generated/prisma/client"],
              message: "routes call modules; only modules use the Prisma client",
            },
          ],
        },
      ],
    },
  },
);
