# Samråd — production image. Two stages: the first installs and compiles (then drops dev dependencies),
# the second holds only what runs — built JavaScript, no TypeScript sources — as a non-root user. The command is exactly what the
# soak check (npm run soak) runs: `node bin/samrad.js start`, which runs the JavaScript built into dist/.
#
#   docker build -t samrad .
#   docker run -e DATABASE_URL=postgres://… -e SLACK_BOT_TOKEN=… -e SLACK_SIGNING_SECRET=… -p 3000:3000 samrad

FROM node:20-bookworm-slim AS build
WORKDIR /app
# .npmrc carries `yes=true`: botbuilder-dialogs' postinstall asks a question npm would otherwise wait on.
COPY package.json package-lock.json .npmrc tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
COPY adapters ./adapters
COPY migrations ./migrations
# patches/: postinstall (patch-package) fixes postgres.js losing a connection mid-write (docs/drift.md).
COPY patches ./patches
# npm ci runs `prepare`, which compiles src/ and adapters/ to dist/ (scripts/build.mjs); then the dev
# dependencies (typescript, vitest, …) are dropped again.
RUN npm ci --no-audit --no-fund && npm prune --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    SAMRAD_MODE=server \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY bin ./bin
COPY config ./config
COPY migrations ./migrations
# The image holds built JavaScript only (no src/): bin/samrad.js runs dist/. DATA_DIR is only used without DATABASE_URL (PGlite).
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
# /healthz answers while the process runs; /readyz checks the database (see docs/drift.md).
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# SIGTERM → graceful shutdown (stop taking requests, finish acknowledged work, close the database).
STOPSIGNAL SIGTERM
CMD ["node", "bin/samrad.js", "start"]
