# syntax=docker/dockerfile:1
#
# Styringssøk's production image for NAIS. Three stages on one Debian-slim Node 20 base: the build
# compiles the TypeScript to JavaScript (tsconfig.build.json) and copies the data files kept beside the
# code, the dependencies stage installs the runtime dependencies only, and the image runs the compiled
# code with Debian's Tesseract (Norwegian data included) and poppler for scanned PDFs. No compiler, no
# tsx and no test tools ship. It runs as uid 1069 and writes only under /tmp (INDEX_DIR), the one
# writable place on NAIS; with STORE=postgres it writes nothing at all.
#
# node:20-bookworm-slim, pinned by the digest of its multi-platform image index (Node 20.20.0, built
# 14 January 2026), as docker-library/repo-info records it in repos/node/remote/20-bookworm-slim.md
# (read from its mirror maxmood96/repo-info at 915cbd96ef34cfa5d9d6935f65f93a0c33562591). To move on,
# take the new digest from there, or from `docker buildx imagetools inspect node:20-bookworm-slim`.
ARG NODE_IMAGE=node:20-bookworm-slim@sha256:6c51af7dc83f4708aaac35991306bca8f478351cfd2bda35750a62d7efcf05bb

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# No dependency needs its install script to be built or run here (better-sqlite3 is the bench's).
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts/build.ts ./scripts/
COPY src ./src
# Compiled to dist/, with the data files the code reads from beside itself (scripts/build.ts).
RUN npm run build
# The bokmål word list decoded once into cspell's binary form, so each ingest loads it in a few
# hundredths of a second rather than most of one (src/ingest/ocr/lexicon.ts).
RUN node -e "import('./dist/ingest/ocr/lexicon.js').then((lexicon) => lexicon.loadLexicon())" \
 && test -n "$(ls node_modules/.cache/styringssok/*.btrie)"

FROM ${NODE_IMAGE} AS dependencies
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

FROM ${NODE_IMAGE}
RUN apt-get update \
 && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-nor poppler-utils \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --gid 1069 styringssok \
 && useradd --uid 1069 --gid 1069 --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin styringssok
WORKDIR /app
# Owned by root and not writable by the app: the code is read, never written.
COPY --from=dependencies /app/node_modules ./node_modules
COPY --from=build /app/node_modules/.cache/styringssok ./node_modules/.cache/styringssok
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY views ./views
COPY public ./public
COPY corpus ./corpus
ENV NODE_ENV=production \
    PORT=8080 \
    INDEX_DIR=/tmp/styringssok/index
USER 1069:1069
EXPOSE 8080
# Node itself receives SIGTERM and stops gracefully; it spawns its ingests with the same flags.
CMD ["node", "--enable-source-maps", "dist/cli.js", "serve"]
