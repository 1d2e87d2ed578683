// A small Stripe-compatible HTTP server for tests: the part of the API the store uses (Checkout
// Sessions), a stand-in for the hosted checkout page, and test-control endpoints. Plain Node
// `http`, no dependencies. Stripe's own servers are never reachable from tests.
//
//   node scripts/test/stripe-mock.mjs [--port 12111] [--webhook-secret whsec_...]
//   import { startStripeMock } from "./stripe-mock.mjs"
//
// API (what the `stripe` SDK calls, configured with host/port/protocol):
//   POST /v1/checkout/sessions       form-encoded, validated like Stripe (400 with a Stripe-shaped
//                                    error), honours Idempotency-Key (same key, same params: the
//                                    same session; other params: idempotency_error); line items'
//                                    tax_rates and fixed-amount shipping_options make the totals
//   POST /v1/tax_rates               a Tax Rate (display_name, percentage, inclusive, ...), with
//                                    Idempotency-Key as above
//   GET  /v1/checkout/sessions/:id
//   POST /v1/checkout/sessions/:id/expire
// Hosted page: GET /c/pay/:id (the session's `url`).
// Test control (in-process: holdNextSession() keeps the next session create waiting until released):
//   GET /__requests, DELETE /__requests   every API request seen (method, path, headers, body)
//   POST /__fail-next                     {status, type, code?, message, param?}: the next
//                                         session create answers that Stripe error
//   POST /__sessions/:id/complete         pays the session; answers {event, payload, signature}:
//                                         POST `payload` to the webhook with `Stripe-Signature:
//                                         signature` (body: optional {email, shipping, payment_status})
//   POST /__sessions/:id/expire           the same for checkout.session.expired
//   POST /__sessions/:id/refund           the same for charge.refunded (a paid session)
import { createHmac, randomBytes } from "node:crypto";
import http from "node:http";
import { pathToFileURL } from "node:url";

const API_VERSION = "2026-10-28.endive";
const SESSION_PARAMS = new Set([
  "after_expiration",
  "allow_promotion_codes",
  "billing_address_collection",
  "cancel_url",
  "client_reference_id",
  "currency",
  "customer",
  "customer_email",
  "expand",
  "expires_at",
  "line_items",
  "locale",
  "metadata",
  "mode",
  "payment_intent_data",
  "payment_method_types",
  "shipping_address_collection",
  "shipping_options",
  "success_url",
  "ui_mode",
]);

/** Stripe-style ids: a prefix and random alphanumerics. */
export function mockId(prefix, length = 24) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  return prefix + [...randomBytes(length)].map((b) => alphabet[b % alphabet.length]).join("");
}

/** The Stripe-Signature header Stripe sends (the scheme of the SDK's generateTestHeaderString). */
export function signWebhookPayload(payload, secret, timestamp = Math.floor(Date.now() / 1000)) {
  const signature = createHmac("sha256", secret).update(`${timestamp}.${payload}`, "utf8").digest("hex");
  return `t=${timestamp},v1=${signature}`;
}

/**
 * Stripe's form encoding back into objects: `a[b][0][c]=x` → {a: {b: [{c: "x"}]}}. Numeric
 * segments make arrays, as the SDK encodes them.
 */
export function parseStripeForm(body) {
  const root = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.replace(/\]/g, "").split("[");
    let node = root;
    path.forEach((segment, index) => {
      const last = index === path.length - 1;
      const nextIsIndex = !last && /^\d+$/.test(path[index + 1]);
      if (last) node[segment] = value;
      else node = node[segment] ??= nextIsIndex ? [] : {};
    });
  }
  return root;
}

class StripeParamError extends Error {
  constructor(param, message, code) {
    super(message);
    this.param = param;
    this.code = code;
  }
}

const missing = (param) =>
  new StripeParamError(param, `Missing required param: ${param}.`, "parameter_missing");

function integerParam(value, param, { min = 0 } = {}) {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(String(value)) || Number(value) < min)
    throw new StripeParamError(
      param,
      `Invalid integer: ${value}${min > 0 ? ` (must be at least ${min})` : ""}`,
      "parameter_invalid_integer",
    );
  return Number(value);
}

function urlParam(value, param) {
  if (value === undefined) return undefined;
  try {
    const url = new URL(value);
    if (url.protocol === "http:" || url.protocol === "https:") return value;
  } catch {
    // answered below
  }
  throw new StripeParamError(param, "Not a valid URL", "url_invalid");
}

function enumParam(value, param, allowed) {
  if (value === undefined || allowed.includes(value)) return value;
  throw new StripeParamError(param, `Invalid ${param}: must be one of ${allowed.join(", ")}`);
}

function metadataParam(value, param) {
  if (value === undefined || value === "") return {};
  if (typeof value !== "object" || Array.isArray(value))
    throw new StripeParamError(param, "Invalid object", "parameter_invalid_object");
  for (const [key, item] of Object.entries(value)) {
    if (key.length > 40)
      throw new StripeParamError(`${param}[${key}]`, "Metadata keys can be at most 40 characters long.");
    if (typeof item !== "string" || item.length > 500)
      throw new StripeParamError(`${param}[${key}]`, "Metadata values can be at most 500 characters long.");
  }
  return value;
}

const TAX_RATE_PARAMS = new Set([
  "active",
  "country",
  "description",
  "display_name",
  "inclusive",
  "jurisdiction",
  "metadata",
  "percentage",
  "state",
  "tax_type",
]);

/** Checks a Tax Rate create request as Stripe does and builds the tax rate. */
function buildTaxRate(params, now) {
  for (const key of Object.keys(params))
    if (!TAX_RATE_PARAMS.has(key))
      throw new StripeParamError(key, `Received unknown parameter: ${key}`, "parameter_unknown");
  if (params.display_name === undefined) throw missing("display_name");
  if (params.percentage === undefined) throw missing("percentage");
  if (params.inclusive === undefined) throw missing("inclusive");
  const percentage = Number(params.percentage);
  if (!/^\d+(\.\d{1,4})?$/.test(params.percentage) || percentage > 100)
    throw new StripeParamError(
      "percentage",
      `Invalid decimal: ${params.percentage}`,
      "parameter_invalid_decimal",
    );
  enumParam(params.inclusive, "inclusive", ["true", "false"]);
  if (params.country !== undefined && !/^[A-Z]{2}$/.test(params.country))
    throw new StripeParamError("country", `Invalid country: ${params.country}`);
  return {
    id: mockId("txr_"),
    object: "tax_rate",
    active: params.active !== "false",
    country: params.country ?? null,
    created: now,
    description: params.description ?? null,
    display_name: params.display_name,
    effective_percentage: percentage,
    inclusive: params.inclusive === "true",
    jurisdiction: params.jurisdiction ?? null,
    livemode: false,
    metadata: metadataParam(params.metadata, "metadata"),
    percentage,
    state: params.state ?? null,
    tax_type: params.tax_type ?? null,
  };
}

/** Stripe's tax on a line for one rate: the percentage of the amount, rounded half up (exclusive rates). */
function lineTax(amount, rate) {
  return rate.inclusive
    ? amount - Math.round(amount / (1 + rate.percentage / 100))
    : Math.round((amount * rate.percentage) / 100);
}

/** Checks a create request as Stripe does (for the parameters the store uses) and builds the session. */
function buildSession(params, baseUrl, now, taxRates = new Map()) {
  for (const key of Object.keys(params))
    if (!SESSION_PARAMS.has(key))
      throw new StripeParamError(key, `Received unknown parameter: ${key}`, "parameter_unknown");
  const mode = params.mode;
  if (mode === undefined) throw missing("mode");
  enumParam(mode, "mode", ["payment", "setup", "subscription"]);
  if (mode !== "payment") throw new StripeParamError("mode", "This mock implements mode=payment only.");
  const uiMode = enumParam(params.ui_mode ?? "hosted", "ui_mode", ["hosted", "embedded", "custom"]);
  if (uiMode === "hosted" && params.success_url === undefined) throw missing("success_url");
  const successUrl = urlParam(params.success_url, "success_url");
  const cancelUrl = urlParam(params.cancel_url, "cancel_url");
  const email = params.customer_email;
  if (email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    throw new StripeParamError("customer_email", `Invalid email address: ${email}`, "email_invalid");
  const reference = params.client_reference_id;
  if (reference !== undefined && (reference === "" || reference.length > 200))
    throw new StripeParamError(
      "client_reference_id",
      "client_reference_id must be 1 to 200 characters.",
      "parameter_invalid_string_empty",
    );
  const expiresAt = integerParam(params.expires_at, "expires_at") ?? now + 24 * 3600;
  if (expiresAt < now + 30 * 60)
    throw new StripeParamError(
      "expires_at",
      "The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.",
    );
  if (expiresAt > now + 24 * 3600)
    throw new StripeParamError(
      "expires_at",
      "The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.",
    );

  const items = params.line_items;
  if (items === undefined) throw missing("line_items");
  if (!Array.isArray(items) || items.length === 0)
    throw new StripeParamError("line_items", "line_items cannot be empty.", "parameter_invalid_empty");
  let currency = null;
  let amount = 0;
  let tax = 0;
  let exclusive = 0;
  const lineItems = items.map((item, index) => {
    const at = `line_items[${index}]`;
    if (!item || typeof item !== "object") throw missing(at);
    const quantity = integerParam(item.quantity, `${at}[quantity]`, { min: 1 });
    if (quantity === undefined) throw missing(`${at}[quantity]`);
    if (item.price !== undefined)
      throw new StripeParamError(`${at}[price]`, `No such price: '${item.price}'`, "resource_missing");
    const data = item.price_data;
    if (data === undefined) throw missing(`${at}[price_data]`);
    const itemCurrency = data.currency;
    if (itemCurrency === undefined) throw missing(`${at}[price_data][currency]`);
    if (!/^[a-z]{3}$/.test(itemCurrency))
      throw new StripeParamError(`${at}[price_data][currency]`, `Invalid currency: ${itemCurrency}.`);
    if (currency && currency !== itemCurrency)
      throw new StripeParamError(
        `${at}[price_data][currency]`,
        "All line items in a Checkout Session must use the same currency.",
      );
    currency = itemCurrency;
    const unitAmount = integerParam(data.unit_amount, `${at}[price_data][unit_amount]`);
    if (unitAmount === undefined) throw missing(`${at}[price_data][unit_amount]`);
    if (data.product !== undefined)
      throw new StripeParamError(
        `${at}[price_data][product]`,
        `No such product: '${data.product}'`,
        "resource_missing",
      );
    const name = data.product_data?.name;
    if (name === undefined) throw missing(`${at}[price_data][product_data][name]`);
    if (name.trim() === "")
      throw new StripeParamError(
        `${at}[price_data][product_data][name]`,
        "You passed an empty string for 'name'. We assume empty values are an attempt to unset a parameter; however 'name' cannot be unset.",
        "parameter_invalid_empty",
      );
    const subtotal = unitAmount * quantity;
    const rateIds = item.tax_rates ?? [];
    if (!Array.isArray(rateIds))
      throw new StripeParamError(`${at}[tax_rates]`, "Invalid array", "parameter_invalid_array");
    const taxes = rateIds.map((rateId, rateIndex) => {
      const rate = taxRates.get(rateId);
      if (!rate)
        throw new StripeParamError(
          `${at}[tax_rates][${rateIndex}]`,
          `No such tax rate: '${rateId}'`,
          "resource_missing",
        );
      return { amount: lineTax(subtotal, rate), rate, taxable_amount: subtotal };
    });
    const exclusiveTax = taxes.filter((t) => !t.rate.inclusive).reduce((sum, t) => sum + t.amount, 0);
    const allTax = taxes.reduce((sum, t) => sum + t.amount, 0);
    amount += subtotal;
    tax += allTax;
    exclusive += exclusiveTax;
    return {
      id: mockId("li_"),
      object: "item",
      amount_subtotal: subtotal,
      amount_tax: allTax,
      amount_total: subtotal + exclusiveTax,
      taxes,
      currency,
      description: name,
      price: { object: "price", currency, unit_amount: unitAmount, product_data_name: name },
      quantity,
    };
  });

  const shipping = params.shipping_address_collection;
  if (shipping !== undefined) {
    const countries = shipping.allowed_countries;
    if (countries === undefined) throw missing("shipping_address_collection[allowed_countries]");
    if (!Array.isArray(countries) || countries.length === 0)
      throw new StripeParamError(
        "shipping_address_collection[allowed_countries]",
        "allowed_countries cannot be empty.",
        "parameter_invalid_empty",
      );
    countries.forEach((country, index) => {
      if (!/^[A-Z]{2}$/.test(country))
        throw new StripeParamError(
          `shipping_address_collection[allowed_countries][${index}]`,
          `Invalid shipping_address_collection[allowed_countries][${index}]: ${country} is not a supported country`,
        );
    });
  }

  const options = params.shipping_options ?? [];
  if (!Array.isArray(options))
    throw new StripeParamError("shipping_options", "Invalid array", "parameter_invalid_array");
  if (options.length > 5)
    throw new StripeParamError("shipping_options", "You may only specify up to 5 shipping options.");
  const shippingOptions = options.map((option, index) => {
    const at = `shipping_options[${index}]`;
    if (option.shipping_rate !== undefined)
      throw new StripeParamError(
        `${at}[shipping_rate]`,
        `No such shipping rate: '${option.shipping_rate}'`,
        "resource_missing",
      );
    const data = option.shipping_rate_data;
    if (data === undefined) throw missing(`${at}[shipping_rate_data]`);
    if (data.display_name === undefined) throw missing(`${at}[shipping_rate_data][display_name]`);
    enumParam(data.type ?? "fixed_amount", `${at}[shipping_rate_data][type]`, ["fixed_amount"]);
    const fixed = data.fixed_amount;
    if (fixed === undefined) throw missing(`${at}[shipping_rate_data][fixed_amount]`);
    const shippingAmount = integerParam(fixed.amount, `${at}[shipping_rate_data][fixed_amount][amount]`);
    if (shippingAmount === undefined) throw missing(`${at}[shipping_rate_data][fixed_amount][amount]`);
    if (fixed.currency !== currency)
      throw new StripeParamError(
        `${at}[shipping_rate_data][fixed_amount][currency]`,
        "The shipping rate's currency must match the line items' currency.",
      );
    return {
      shipping_amount: shippingAmount,
      shipping_rate: mockId("shr_"),
      display_name: data.display_name,
    };
  });
  if (shippingOptions.length > 0 && shipping === undefined)
    throw new StripeParamError(
      "shipping_options",
      "shipping_options requires shipping_address_collection to be set.",
    );
  // The first option is preselected on the hosted page, and what the mock charges.
  const shippingAmount = shippingOptions[0]?.shipping_amount ?? 0;

  const id = mockId("cs_test_", 58);
  return {
    session: {
      id,
      object: "checkout.session",
      after_expiration: null,
      allow_promotion_codes: null,
      amount_subtotal: amount,
      amount_total: amount + exclusive + shippingAmount,
      total_details: { amount_discount: 0, amount_shipping: shippingAmount, amount_tax: tax },
      shipping_cost: shippingOptions[0]
        ? {
            amount_subtotal: shippingAmount,
            amount_tax: 0,
            amount_total: shippingAmount,
            shipping_rate: shippingOptions[0].shipping_rate,
          }
        : null,
      shipping_options: shippingOptions.map(({ shipping_amount, shipping_rate }) => ({
        shipping_amount,
        shipping_rate,
      })),
      automatic_tax: { enabled: false, liability: null, status: null },
      billing_address_collection: null,
      cancel_url: cancelUrl ?? null,
      client_reference_id: reference ?? null,
      collected_information: null,
      created: now,
      currency,
      customer: null,
      customer_creation: "if_required",
      customer_details: null,
      customer_email: email ?? null,
      expires_at: expiresAt,
      livemode: false,
      locale: params.locale ?? null,
      metadata: metadataParam(params.metadata, "metadata"),
      mode,
      payment_intent: null,
      payment_method_types: ["card"],
      payment_status: "unpaid",
      shipping_address_collection: shipping ? { allowed_countries: shipping.allowed_countries } : null,
      status: "open",
      success_url: successUrl ?? null,
      ui_mode: uiMode,
      url: `${baseUrl}/c/pay/${id}`,
    },
    lineItems,
    paymentIntentMetadata: metadataParam(
      params.payment_intent_data?.metadata,
      "payment_intent_data[metadata]",
    ),
  };
}

function stripeError(status, error) {
  return { status, body: { error } };
}

function readBody(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

const escapeHtml = (text) =>
  String(text).replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c],
  );

const money = (minor, currency) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(minor / 100);

function hostedPage(entry) {
  const { session, lineItems } = entry;
  const rows = lineItems
    .map(
      (item) =>
        `<li>${escapeHtml(item.description)} × ${item.quantity}: ${money(item.amount_subtotal, item.currency)}</li>`,
    )
    .join("");
  const paid = session.status === "complete";
  const link = paid
    ? session.success_url && `<a href="${escapeHtml(session.success_url)}">Return to the store</a>`
    : session.cancel_url && `<a href="${escapeHtml(session.cancel_url)}">Back to the store</a>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Stripe mock checkout</title></head>
<body><main><h1>Stripe mock checkout</h1>
<p>Session <code>${escapeHtml(session.id)}</code>: <strong data-testid="session-status">${escapeHtml(session.status)}</strong></p>
<ul aria-label="Line items">${rows}</ul>
<p>Shipping: ${money(session.total_details.amount_shipping, session.currency)}; tax: ${money(session.total_details.amount_tax, session.currency)}</p>
<p>Total: <strong data-testid="session-total">${money(session.amount_total, session.currency)}</strong></p>
<p>${link ?? ""}</p></main></body></html>`;
}

/**
 * Starts the mock. `port` 0 picks a free one. `webhookSecret` signs the events the control
 * endpoints return. Resolves to { url, port, requests, sessions, close }.
 */
export async function startStripeMock({ port = 0, host = "127.0.0.1", webhookSecret = "whsec_mock" } = {}) {
  const requests = [];
  const sessions = new Map();
  const taxRates = new Map();
  const idempotent = new Map();
  let failNext = null;
  /** @type {{ arrived: () => void, released: Promise<void> } | null} */
  let holdNext = null;
  let baseUrl = "";

  function event(type, object) {
    const payload = JSON.stringify({
      id: mockId("evt_test_"),
      object: "event",
      api_version: API_VERSION,
      created: Math.floor(Date.now() / 1000),
      data: { object },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
    });
    return { event: JSON.parse(payload), payload, signature: signWebhookPayload(payload, webhookSecret) };
  }

  function createTaxRate(request, rawBody) {
    const key = request.headers["idempotency-key"];
    if (typeof key === "string" && idempotent.has(key)) {
      const saved = idempotent.get(key);
      if (saved.rawBody !== rawBody)
        return stripeError(400, {
          type: "idempotency_error",
          message: `Keys for idempotent requests can only be used with the same parameters they were first used with.`,
        });
      return { ...saved.response, replayed: true };
    }
    try {
      const rate = buildTaxRate(parseStripeForm(rawBody), Math.floor(Date.now() / 1000));
      taxRates.set(rate.id, rate);
      const response = { status: 200, body: rate };
      if (typeof key === "string") idempotent.set(key, { rawBody, response });
      return response;
    } catch (error) {
      if (!(error instanceof StripeParamError)) throw error;
      return stripeError(400, {
        type: "invalid_request_error",
        ...(error.code ? { code: error.code } : {}),
        message: error.message,
        param: error.param,
      });
    }
  }

  function createSession(request, rawBody) {
    const key = request.headers["idempotency-key"];
    if (typeof key === "string" && idempotent.has(key)) {
      const saved = idempotent.get(key);
      if (saved.rawBody !== rawBody)
        return stripeError(400, {
          type: "idempotency_error",
          message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
        });
      return { ...saved.response, replayed: true };
    }
    let response;
    if (failNext) {
      const { status, ...error } = failNext;
      failNext = null;
      response = { ...stripeError(status, error), shouldRetry: false };
    } else {
      try {
        const entry = buildSession(
          parseStripeForm(rawBody),
          baseUrl,
          Math.floor(Date.now() / 1000),
          taxRates,
        );
        sessions.set(entry.session.id, entry);
        response = { status: 200, body: entry.session };
      } catch (error) {
        if (!(error instanceof StripeParamError)) throw error;
        // Stripe saves no idempotent result for a request that failed validation.
        return stripeError(400, {
          type: "invalid_request_error",
          ...(error.code ? { code: error.code } : {}),
          message: error.message,
          param: error.param,
        });
      }
    }
    if (typeof key === "string") idempotent.set(key, { rawBody, response });
    return response;
  }

  function control(method, path, body) {
    if (path === "/__requests" && method === "GET") return { status: 200, body: requests };
    if (path === "/__requests" && method === "DELETE") {
      requests.length = 0;
      return { status: 200, body: { cleared: true } };
    }
    if (path === "/__fail-next" && method === "POST") {
      const { status = 500, type = "api_error", code, message = "An unknown error occurred", param } = body;
      failNext = {
        status,
        type,
        message,
        ...(code ? { code } : {}),
        ...(param ? { param } : {}),
      };
      return { status: 200, body: { armed: failNext } };
    }
    const match = /^\/__sessions\/([^/]+)\/(complete|expire|refund)$/.exec(path);
    if (match && method === "POST") {
      const entry = sessions.get(match[1]);
      if (!entry) return { status: 404, body: { error: `No such session: ${match[1]}` } };
      const session = entry.session;
      if (match[2] === "complete") {
        if (session.status !== "open")
          return { status: 409, body: { error: `The session is ${session.status}.` } };
        const paymentStatus = body.payment_status ?? "paid";
        const shipping = session.shipping_address_collection
          ? (body.shipping ?? {
              name: "Rosa Reader",
              address: {
                line1: "12 Library Lane",
                line2: null,
                city: "Springfield",
                postal_code: "12345",
                state: "IL",
                country: session.shipping_address_collection.allowed_countries[0],
              },
            })
          : null;
        Object.assign(session, {
          status: "complete",
          payment_status: paymentStatus,
          payment_intent: mockId("pi_test_"),
          customer_details: {
            email: body.email ?? session.customer_email ?? "reader@example.com",
            name: shipping?.name ?? null,
            address: shipping?.address ?? null,
          },
          collected_information: shipping ? { shipping_details: shipping } : null,
        });
        return { status: 200, body: event("checkout.session.completed", session) };
      }
      if (match[2] === "expire") {
        if (session.status !== "open")
          return { status: 409, body: { error: `The session is ${session.status}.` } };
        Object.assign(session, { status: "expired", url: null });
        return { status: 200, body: event("checkout.session.expired", session) };
      }
      if (session.payment_status !== "paid")
        return { status: 409, body: { error: "The session is not paid." } };
      const charge = {
        id: mockId("ch_test_"),
        object: "charge",
        amount: session.amount_total,
        amount_refunded: body.amount ?? session.amount_total,
        currency: session.currency,
        metadata: entry.paymentIntentMetadata,
        paid: true,
        payment_intent: session.payment_intent,
        refunded: (body.amount ?? session.amount_total) >= session.amount_total,
        status: "succeeded",
      };
      return { status: 200, body: event("charge.refunded", charge) };
    }
    return null;
  }

  function api(request, method, path, rawBody) {
    const auth = request.headers.authorization ?? "";
    if (!/^Bearer (sk|rk)_(test|live)_\S+$/.test(auth))
      return stripeError(401, {
        type: "invalid_request_error",
        message:
          "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
      });
    if (path === "/v1/checkout/sessions" && method === "POST") return createSession(request, rawBody);
    if (path === "/v1/tax_rates" && method === "POST") return createTaxRate(request, rawBody);
    const one = /^\/v1\/checkout\/sessions\/([^/]+)(\/expire)?$/.exec(path);
    if (one) {
      const entry = sessions.get(one[1]);
      if (!entry)
        return stripeError(404, {
          type: "invalid_request_error",
          code: "resource_missing",
          message: `No such checkout.session: '${one[1]}'`,
          param: "session",
        });
      if (!one[2] && method === "GET") return { status: 200, body: entry.session };
      if (one[2] && method === "POST") {
        if (entry.session.status !== "open")
          return stripeError(400, {
            type: "invalid_request_error",
            message: `Only Checkout Sessions with a status of open can be expired. This Checkout Session has a status of ${entry.session.status}.`,
          });
        Object.assign(entry.session, { status: "expired", url: null });
        return { status: 200, body: entry.session };
      }
    }
    return stripeError(404, {
      type: "invalid_request_error",
      message: `Unrecognized request URL (${method}: ${path}).`,
    });
  }

  const server = http.createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? "/", "http://mock");
      const method = request.method ?? "GET";
      const rawBody = await readBody(request);
      const hosted = /^\/c\/pay\/([^/]+)$/.exec(url.pathname);
      if (hosted && method === "GET") {
        const entry = sessions.get(hosted[1]);
        response.writeHead(entry ? 200 : 404, { "Content-Type": "text/html; charset=utf-8" });
        response.end(entry ? hostedPage(entry) : "<!doctype html><title>Not found</title><h1>Not found</h1>");
        return;
      }
      let result;
      if (url.pathname.startsWith("/__")) {
        let body = {};
        try {
          body = rawBody ? JSON.parse(rawBody) : {};
        } catch {
          body = {};
        }
        result = control(method, url.pathname, body) ?? { status: 404, body: { error: "Unknown control" } };
      } else {
        requests.push({
          method,
          path: url.pathname,
          query: url.search,
          headers: { ...request.headers },
          body: rawBody,
          params: parseStripeForm(rawBody),
        });
        if (holdNext && method === "POST" && url.pathname === "/v1/checkout/sessions") {
          const held = holdNext;
          holdNext = null;
          held.arrived();
          await held.released;
        }
        result = api(request, method, url.pathname, rawBody);
      }
      const headers = {
        "Content-Type": "application/json",
        "Request-Id": mockId("req_", 14),
        "Stripe-Version": request.headers["stripe-version"] ?? API_VERSION,
      };
      if (result.replayed) headers["Idempotent-Replayed"] = "true";
      if (result.shouldRetry === false) headers["Stripe-Should-Retry"] = "false";
      if (typeof request.headers["idempotency-key"] === "string")
        headers["Idempotency-Key"] = request.headers["idempotency-key"];
      response.writeHead(result.status, headers);
      response.end(JSON.stringify(result.body));
    } catch (error) {
      response.writeHead(500, { "Content-Type": "application/json" });
      response.end(JSON.stringify({ error: { type: "api_error", message: String(error) } }));
    }
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  baseUrl = `http://${host}:${actualPort}`;
  return {
    url: baseUrl,
    port: actualPort,
    requests,
    sessions,
    /**
     * Holds the next session create (a slow Stripe) until `release()`; `arrived` resolves when the
     * store's request is being held (tests: a checkout in flight).
     */
    holdNextSession() {
      /** @type {() => void} */
      let release = () => {};
      /** @type {() => void} */
      let arrived = () => {};
      const arrival = new Promise((resolve) => (arrived = () => resolve(undefined)));
      const released = new Promise((resolve) => (release = () => resolve(undefined)));
      holdNext = { arrived, released: released.then(() => {}) };
      return { arrived: arrival, release };
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const arg = (name, fallback) => {
    const index = process.argv.indexOf(`--${name}`);
    return index > 0 ? process.argv[index + 1] : fallback;
  };
  const mock = await startStripeMock({
    port: Number(arg("port", "12111")),
    webhookSecret: arg("webhook-secret", process.env.STRIPE_WEBHOOK_SECRET ?? "whsec_mock"),
  });
  console.log(`Stripe mock listening on ${mock.url}`);
}
