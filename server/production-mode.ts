// `npm start` and `npm run serve` run in production unless NODE_ENV says otherwise (`npm run dev`
// sets development, vitest sets test): no stack traces on error pages, the strict CSP, React's
// production build, no development session secret (docs/decisions/0039). server/start.ts imports
// this first, so React, Remix and app/env.server.ts all see it.
process.env.NODE_ENV ||= "production";
