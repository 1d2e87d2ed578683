// Traces over OTLP/HTTP, started by server.mjs before Next loads, and only when
// OTEL_EXPORTER_OTLP_ENDPOINT is set: this module is the only one that imports OpenTelemetry's SDK,
// and server.mjs imports it dynamically, so a store without the variable loads none of it.
// One trace per request: a server span (with the request id) that Next's own spans and this
// store's spans (lib/telemetry/spans.mjs: database statements, payment provider, SMTP) sit under.
// The exporter reads the standard variables itself (OTEL_EXPORTER_OTLP_ENDPOINT, _HEADERS,
// _TIMEOUT, OTEL_BSP_*); OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES name the service.
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { detectResources, envDetector, resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { writeLogLine } from "../log/json-line.mjs";
import { registerShutdownTask } from "../shutdown/tasks.mjs";
import { installTracing } from "./spans.mjs";

const PROTOCOLS = ["http/protobuf", "http/json"];

/** @returns {"http/protobuf" | "http/json"} */
function protocol() {
  const value = (
    process.env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ||
    process.env.OTEL_EXPORTER_OTLP_PROTOCOL ||
    "http/protobuf"
  ).trim();
  if (!PROTOCOLS.includes(value)) {
    console.error(
      `The store cannot start. OTEL_EXPORTER_OTLP_PROTOCOL "${value}" is not supported: use http/protobuf (the default) or http/json; gRPC is not included.`,
    );
    process.exit(1);
  }
  return /** @type {any} */ (value);
}

/** @param {unknown} error */
function errorMessage(error) {
  return error instanceof Error ? error.message : String(error);
}

export async function startTracing() {
  const kind = protocol();
  const { OTLPTraceExporter } =
    kind === "http/json"
      ? await import("@opentelemetry/exporter-trace-otlp-http")
      : await import("@opentelemetry/exporter-trace-otlp-proto");
  const resource = resourceFromAttributes({ "service.name": "bookstore" }).merge(
    detectResources({ detectors: [envDetector] }),
  );
  const provider = new NodeTracerProvider({
    resource,
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  // The global provider, AsyncLocalStorage context and W3C trace-context propagation: Next's own
  // spans (its bundled @opentelemetry/api finds the global provider) join each request's trace.
  provider.register();
  const tracer = trace.getTracer("bookstore");

  installTracing({
    inSpan(name, attributes, work) {
      return tracer.startActiveSpan(name, { kind: SpanKind.CLIENT, attributes }, async (span) => {
        try {
          return await work();
        } catch (error) {
          span.recordException(/** @type {Error} */ (error));
          span.setStatus({ code: SpanStatusCode.ERROR, message: errorMessage(error) });
          throw error;
        } finally {
          span.end();
        }
      });
    },
    currentTraceId() {
      return trace.getActiveSpan()?.spanContext().traceId;
    },
    startRequest(request, response, requestId, path) {
      // A trace started upstream (a `traceparent` header) continues here.
      const parent = propagation.extract(ROOT_CONTEXT, request.headers);
      const method = request.method ?? "GET";
      const span = tracer.startSpan(
        method,
        {
          kind: SpanKind.SERVER,
          attributes: {
            "http.request.method": method,
            "url.path": path ?? "/",
            "request.id": requestId,
            "network.protocol.version": request.httpVersion,
          },
        },
        parent,
      );
      const active = trace.setSpan(parent, span);
      response.once("close", () => {
        span.setAttribute("http.response.status_code", response.statusCode);
        if (!response.writableFinished) span.setAttribute("http.response.aborted", true);
        if (response.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      });
      return {
        traceId: span.spanContext().traceId,
        run: (work) => context.with(active, work),
      };
    },
  });
  // Last in the shutdown sequence, so the spans of the flushes before it are sent too.
  registerShutdownTask("traces", "telemetry", async () => {
    await provider.shutdown();
  });
  writeLogLine("info", "traces", {
    exporter: `otlp ${kind}`,
    endpoint: process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || process.env.OTEL_EXPORTER_OTLP_ENDPOINT,
    serviceName: resource.attributes["service.name"],
  });
}
