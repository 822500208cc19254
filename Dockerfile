# Build: docker build -t aggregator .
# Run:   docker run -p 8080:8080 -v aggregator-data:/data aggregator
#        or: docker compose up -d   (compose.yaml: volume, read-only config, restart)
# scripts/container-check builds exactly the binary below and runs it in an
# empty root, so this file stays honest where no Docker engine runs.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/aggregator ./cmd/aggregator
# /data for the database; /tmp for the published feeds' spool (sendfile).
RUN mkdir -p /out/data /out/tmp && chmod 1777 /out/tmp

FROM scratch
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=build /out/aggregator /aggregator
COPY config.yaml /config.yaml
# The shipped topics' classifier examples, named by config.yaml beside it.
COPY topic-examples.tsv /topic-examples.tsv
COPY --from=build --chown=65532:65532 /out/data /data
COPY --from=build --chown=65532:65532 /out/tmp /tmp
USER 65532:65532
ENV AGGREGATOR_CONFIG=/config.yaml \
    AGGREGATOR_DB=/data/aggregator.db \
    AGGREGATOR_LISTEN=:8080
EXPOSE 8080
VOLUME /data
# The image has no shell or curl: the binary asks its own /healthz.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 CMD ["/aggregator", "healthcheck"]
ENTRYPOINT ["/aggregator"]
CMD ["serve"]
