vcl 4.1;
# The store's edge cache (Varnish 7.1, vmod xkey from varnish-modules). docs/deploy.md explains the
# topology; this file is the same on every host. What differs per site (the instances, the hosts
# allowed to purge, the purge secret) is in site.vcl, found on varnishd's vcl_path:
# deploy/varnish/site.example.vcl shows it, `npm run stack` writes its own.

import directors;
import std;
import xkey;

include "site.vcl";

sub vcl_recv {
    set req.backend_hint = store.backend();

    # The request id the instances log and echo (server.mjs keeps an acceptable incoming one).
    if (req.http.X-Request-Id !~ "^[A-Za-z0-9._:-]{8,128}$") {
        set req.http.X-Request-Id = "edge-" + std.real2integer(std.time2real(now, 0.0), 0) + "-" + req.xid;
    }
    # X-Forwarded-For gets client.ip appended by varnishd itself: the instances run with
    # TRUSTED_PROXY_HOPS=1 and read the client's address there (docs/security.md).

    # Tag purges from the store's instances: PURGE with `xkey-purge: <tag> <tag>…`.
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        call site_purge_authorized;
        if (!req.http.xkey-purge) {
            return (synth(400, "No xkey-purge header"));
        }
        set req.http.n-gone = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.n-gone));
    }

    if (req.method != "GET" && req.method != "HEAD") {
        # Server-action POSTs, API writes, webhooks: never cached, never coalesced.
        return (pass);
    }

    # Personal pages: staff, carts, checkout, orders, downloads, previews and the API (its answers
    # carry each client's rate-limit headers; the instances' own cache serves its reads).
    if (req.url ~ "^/(admin|cart|checkout|orders|downloads|preview|api)(/|\?|$)") {
        return (pass);
    }

    # One object per list however its query is spelled: tracking parameters dropped, the rest sorted.
    if (req.url ~ "\?") {
        set req.url = regsuball(req.url, "(?i)([?&])(utm_[a-z]+|gclid|fbclid|msclkid|mc_cid|mc_eid|_ga|_gl)=[^&]*", "\1");
        set req.url = regsuball(req.url, "&&+", "&");
        set req.url = regsub(req.url, "\?&", "?");
        set req.url = regsub(req.url, "[?&]$", "");
        set req.url = std.querysort(req.url);
    }

    # While an instance answers, an expired object is fetched again after at most 10 s of
    # stale-while-revalidate; while none does, grace serves it for up to a day (vcl_backend_response).
    if (std.healthy(req.backend_hint)) {
        set req.grace = 10s;
    }

    # The shared-cacheable pages do not read cookies (their Cache-Control is `public`, decided by the
    # store per path), so a shopper's cart cookie does not stop them being served from the cache.
    # A response that does set a cookie or is private is never stored (vcl_backend_response).
    if (req.http.Authorization) {
        return (pass);
    }
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    if (req.http.host) {
        hash_data(req.http.host);
    } else {
        hash_data(server.ip);
    }
    return (lookup);
}

sub vcl_backend_response {
    # Never stored: answers that set a cookie, private or no-store ones, errors other than 404/410.
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control ~ "(?i)(private|no-store|no-cache)"
        || !beresp.http.Cache-Control || (beresp.status >= 300 && beresp.status != 301
        && beresp.status != 308 && beresp.status != 404 && beresp.status != 410)) {
        set beresp.uncacheable = true;
        set beresp.ttl = 10s;
        return (deliver);
    }
    # Served stale for a day while no instance answers (the pages' own stale-while-revalidate).
    set beresp.grace = 24h;
    # Tags arrive as `xkey` (server.mjs); a `Surrogate-Key` from elsewhere is the same thing.
    if (!beresp.http.xkey && beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
    }
    # An answer without tags cannot be purged: it is kept for one second only (so a write shows at
    # once there too), unless it is immutable (hashed assets, versioned covers).
    if (!beresp.http.xkey && beresp.http.Cache-Control !~ "immutable" && beresp.ttl > 1s) {
        set beresp.ttl = 1s;
    }
    return (deliver);
}

sub vcl_backend_error {
    # An instance that refused the connection or timed out: try the next one once (GET/HEAD only).
    if (bereq.retries < 1 && (bereq.method == "GET" || bereq.method == "HEAD")) {
        return (retry);
    }
    call store_unavailable_page;
    return (deliver);
}

sub store_unavailable_page {
    set beresp.status = 503;
    set beresp.http.Content-Type = "text/html; charset=utf-8";
    set beresp.http.Retry-After = "30";
    set beresp.http.Cache-Control = "no-store";
    set beresp.uncacheable = true;
    set beresp.ttl = 0s;
    synthetic({"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>Back in a moment · Quire Books</title>
<style>body{font:1.0625rem/1.6 system-ui,sans-serif;color:#1f2328;background:#faf8f5;margin:0;padding:0 1rem}
main{max-width:34rem;margin:12vh auto}h1{font-family:Georgia,serif;font-weight:600;font-size:1.75rem;line-height:1.25}
a{color:#7a3e1d}</style></head>
<body><main><h1>Quire Books is back in a moment</h1>
<p>This page could not be loaded just now: the store is restarting or very busy. Nothing you did caused this,
and your cart and orders are safe.</p>
<p>Please try again in a minute, or <a href="/">go to the home page</a>, which may still be available.</p>
<p><small>Reference: "} + bereq.http.X-Request-Id + {"</small></p></main></body></html>
"});
}

sub vcl_deliver {
    set resp.http.X-Request-Id = req.http.X-Request-Id;
    # Tags are for the edge only.
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elseif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    unset resp.http.Via;
    unset resp.http.X-Varnish;
}

sub vcl_synth {
    set resp.http.X-Request-Id = req.http.X-Request-Id;
    set resp.http.Cache-Control = "no-store";
    set resp.http.Content-Type = "text/plain; charset=utf-8";
    synthetic(resp.reason + {"
"});
    return (deliver);
}
