# Lintas app image: node 20, production build, migrations applied at start.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY . .
RUN npm run build
# as `npm run serve`: one malloc arena, not one per thread, and 8 MB semi-spaces (decision 0073)
ENV NODE_ENV=production PORT=3000 MALLOC_ARENA_MAX=1
EXPOSE 3000
CMD ["node", "--max-old-space-size=512", "--max-semi-space-size=8", "build/start/start.mjs"]
