import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { getEnv } from "@/lib/env";
import { pageMetadata } from "@/lib/seo/metadata";
import styles from "./api-reference.module.css";

export const dynamic = "force-dynamic";

export const metadata: Metadata = pageMetadata({
  title: "Catalog API reference",
  description:
    "The bookstore's versioned JSON API: endpoints, parameters, responses, errors, caching and rate limits.",
  path: "/developers/api",
});

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: {
    type?: string;
    enum?: string[];
    default?: unknown;
    minimum?: number;
    maximum?: number;
    items?: { enum?: string[] };
  };
}
interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  parameters?: Parameter[];
  responses: Record<string, { description: string; content?: Record<string, { schema: { $ref?: string } }> }>;
}
interface Schema {
  description?: string;
  properties?: Record<
    string,
    { description?: string; type?: string | string[]; $ref?: string; anyOf?: unknown[]; items?: unknown }
  >;
  required?: string[];
}

function typeOf(schema: Parameter["schema"]): string {
  if (!schema) return "string";
  if (schema.enum) return schema.enum.join(" | ");
  if (schema.items?.enum) return `list of ${schema.items.enum.join(" | ")}`;
  const range = schema.minimum !== undefined ? ` ${schema.minimum}–${schema.maximum}` : "";
  return `${schema.type ?? "string"}${range}`;
}

function propertyType(p: NonNullable<Schema["properties"]>[string]): string {
  const refName = (r: unknown) =>
    typeof r === "object" && r && "$ref" in r
      ? String((r as { $ref: string }).$ref)
          .split("/")
          .pop()
      : null;
  if (p.$ref) return refName(p) ?? "object";
  if (p.anyOf) return p.anyOf.map((x) => refName(x) ?? (x as { type?: string }).type ?? "value").join(" | ");
  if (p.type === "array")
    return `array of ${refName(p.items) ?? (p.items as { type?: string })?.type ?? "value"}`;
  return Array.isArray(p.type) ? p.type.join(" | ") : (p.type ?? "value");
}

export default function ApiReferencePage() {
  const doc = buildOpenApiDocument(getEnv().SITE_URL) as {
    info: { title: string; description: string; version: string };
    servers: { url: string }[];
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, Schema> };
  };
  return (
    <div className={`container ${styles.page}`}>
      <Breadcrumbs items={[{ name: "Home", href: "/" }, { name: "Developers" }, { name: "Catalog API" }]} />
      <h1>{doc.info.title}</h1>
      <p className="muted">
        Version {doc.info.version} · Base URL <code>{doc.servers[0]?.url}</code> ·{" "}
        <Link href="/api/v1/openapi.json">OpenAPI 3.1 document (JSON)</Link>
      </p>
      <div className={styles.intro}>
        {doc.info.description.split("\n\n").map((para, i) =>
          para.startsWith("- ") ? (
            <ul key={i}>
              {para.split("\n").map((line) => (
                <li key={line}>{line.replace(/^- /, "").replace(/`/g, "")}</li>
              ))}
            </ul>
          ) : (
            <p key={i}>{para.replace(/`/g, "")}</p>
          ),
        )}
      </div>

      <h2>Endpoints</h2>
      {Object.entries(doc.paths).flatMap(([path, operations]) =>
        Object.entries(operations).map(([method, get]) => (
          <section key={`${method} ${path}`} className={styles.endpoint} aria-labelledby={get.operationId}>
            <h3 id={get.operationId}>
              <span className={styles.method}>{method.toUpperCase()}</span> <code>{path}</code>
            </h3>
            <p>
              {get.summary}
              {get.description ? `. ${get.description}` : ""}
            </p>
            {get.parameters && get.parameters.length > 0 ? (
              <table className={styles.table}>
                <caption className="visually-hidden">Parameters of {path}</caption>
                <thead>
                  <tr>
                    <th scope="col">Parameter</th>
                    <th scope="col">In</th>
                    <th scope="col">Type</th>
                    <th scope="col">Description</th>
                  </tr>
                </thead>
                <tbody>
                  {get.parameters.map((p) => (
                    <tr key={`${p.in}-${p.name}`}>
                      <th scope="row">
                        <code>{p.name}</code>
                        {p.required ? " (required)" : ""}
                      </th>
                      <td>{p.in}</td>
                      <td>{typeOf(p.schema)}</td>
                      <td>{p.description ?? ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            <ul className={styles.responses}>
              {Object.entries(get.responses).map(([status, r]) => {
                const schema = Object.values(r.content ?? {})[0]
                  ?.schema.$ref?.split("/")
                  .pop();
                return (
                  <li key={status}>
                    <strong>{status}</strong> {r.description}
                    {schema ? (
                      <>
                        {" "}
                        (<a href={`#schema-${schema}`}>{schema}</a>)
                      </>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </section>
        )),
      )}

      <h2>Schemas</h2>
      {Object.entries(doc.components.schemas).map(([name, schema]) => (
        <section key={name} className={styles.endpoint} aria-labelledby={`schema-${name}`}>
          <h3 id={`schema-${name}`}>
            <code>{name}</code>
          </h3>
          {schema.description ? <p>{schema.description}</p> : null}
          {schema.properties ? (
            <table className={styles.table}>
              <caption className="visually-hidden">Fields of {name}</caption>
              <thead>
                <tr>
                  <th scope="col">Field</th>
                  <th scope="col">Type</th>
                  <th scope="col">Description</th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(schema.properties).map(([field, p]) => (
                  <tr key={field}>
                    <th scope="row">
                      <code>{field}</code>
                      {schema.required?.includes(field) ? "" : " (optional)"}
                    </th>
                    <td>{propertyType(p)}</td>
                    <td>{p.description ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </section>
      ))}
    </div>
  );
}
