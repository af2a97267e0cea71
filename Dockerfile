# Baton's image: small (python:3.11-slim, no compiler, no pip cache), runs as a
# non-root user, with `baton run` as PID 1 so SIGTERM from `docker stop` reaches
# the bot itself and it stops gracefully.
#
#   docker build -t baton .
#   docker run --env-file .env -v "$PWD/org.toml:/config/org.toml:ro" -v baton-data:/data baton
#
# docker-compose.yml runs it with PostgreSQL.

FROM python:3.11-slim AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY core ./core
COPY db ./db
COPY emulator ./emulator
# every dependency has a binary wheel for this platform: nothing is compiled
RUN python -m venv /opt/baton && /opt/baton/bin/pip install --no-cache-dir .

FROM python:3.11-slim
ENV PATH=/opt/baton/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    MPLCONFIGDIR=/tmp/matplotlib \
    DATABASE_URL=sqlite+aiosqlite:////data/baton.db \
    ORG_CONFIG=/config/org.toml \
    METRICS_PORT=9090 \
    METRICS_LISTEN=0.0.0.0
RUN useradd --system --uid 10001 --user-group --home-dir /data --shell /usr/sbin/nologin baton \
    && mkdir -p /data /config \
    && chown baton:baton /data
COPY --from=build /opt/baton /opt/baton
USER baton
WORKDIR /data
VOLUME ["/data"]
# 9090: /metrics and /healthz (METRICS_PORT); 8443: the webhook (WEBHOOK_PORT), if used
EXPOSE 9090 8443
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import os, sys, urllib.request; port = os.environ.get('METRICS_PORT'); sys.exit(0 if not port else urllib.request.urlopen(f'http://127.0.0.1:{port}/healthz', timeout=4).status != 200)"]
STOPSIGNAL SIGTERM
ENTRYPOINT ["baton"]
CMD ["run"]
