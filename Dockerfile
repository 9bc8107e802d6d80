# ConvLab: one image for the web server and the grading workers (see README, "Deadline night:
# scaling grading"). The sandbox needs the same Debian packages as on a bare machine, and the
# container needs user namespaces and seccomp for bubblewrap: run it with
# `--security-opt seccomp=unconfined --security-opt apparmor=unconfined` (compose.yaml does).
FROM node:20-bookworm-slim AS base
RUN apt-get update \
  && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
     python3 python3-numpy python3-seccomp bubblewrap util-linux ca-certificates \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 \
    CHECKPOINT_DISABLE=1

# better-sqlite3 compiles from source when no prebuilt binary fits, Dolos's tree-sitter parsers
# always do; against the image's own Node headers, not ones downloaded from nodejs.org.
FROM base AS deps
ENV npm_config_nodedir=/usr/local
RUN apt-get update \
  && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error

FROM deps AS build
COPY . .
RUN npx prisma generate \
  && npx prisma generate --schema prisma/postgres/schema.prisma \
  && npx next build

# The whole tree with its node_modules: the worker runs TypeScript through tsx, migrations need
# the Prisma CLI, and the runner copies its Python files from runner/ at start.
FROM base AS runtime
COPY --from=build /app /app
ENV NODE_ENV=production \
    PORT=3000
EXPOSE 3000
# Runs as root on purpose: the runner drops every sandbox to an unprivileged uid of its own range.
# The web server needs BETTER_AUTH_SECRET: docker-start.sh takes it from the environment or a secret
# file, or generates one into the data volume on the first start (see README, "Secret").
CMD ["sh", "scripts/docker-start.sh"]
