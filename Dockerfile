# One image for the watcher and the worker (and the CLI): TypeScript runs through tsx, no build step.
FROM node:20-bookworm-slim

# LibreOffice converts .doc/.wps/.xls to formats the readers take; fonts so CJK text converts faithfully.
RUN apt-get update \
  && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
       libreoffice-writer-nogui libreoffice-calc-nogui fonts-noto-cjk poppler-utils ca-certificates tini \
  && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/ ./packages/
COPY services/ ./services/
# npm ci needs every workspace's package.json; the sources come along with them and stay in the image.
# npm 11, as the README asks: its allowScripts (package.json) keeps onnxruntime-node's postinstall from fetching
# CUDA libraries; the CPU runtime OCR uses ships in the package.
RUN npm install -g npm@11 \
  && npm ci --no-audit --no-fund --omit=dev \
  && npm cache clean --force
COPY bin/ ./bin/
COPY migrations/ ./migrations/
COPY tsconfig.json tsconfig.base.json ./

ENV NODE_ENV=production \
    INBOX_DIR=/data/inbox \
    ARCHIVE_DIR=/data/archive \
    DATA_DIR=/data/jixiao
RUN mkdir -p /data/inbox /data/archive /data/jixiao && chown -R node:node /data
USER node

# tini forwards SIGTERM to node so the worker can finish its running jobs before the container stops
ENTRYPOINT ["/usr/bin/tini", "--", "node", "bin/jixiao.mjs"]
CMD ["--help"]
