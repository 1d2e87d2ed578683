# What deploy/varnish/store.vcl needs from one site: copy it to site.vcl in a folder on varnishd's
# vcl_path (-p vcl_path=/etc/varnish/site:/opt/bookstore/deploy/varnish) and fill it in.
# `npm run stack` writes its own from scripts/ops/stack.mjs.

# Instances are healthy while /api/ready answers 200 (the database answers): three failures of
# the last five probes take one out of the rotation, three successes bring it back. A stopped
# instance refuses the probe at once; the timeout is long because a busy instance answers slowly
# (each request waits its turn), and taking busy instances out would turn load into 503s.
probe store_ready {
    .url = "/api/ready";
    .interval = 1s;
    .timeout = 4s;
    .window = 5;
    .threshold = 3;
    .initial = 3;
}

backend instance_a {
    .host = "10.0.0.11";
    .port = "3000";
    .probe = store_ready;
    .connect_timeout = 1s;
    .first_byte_timeout = 30s;
}

backend instance_b {
    .host = "10.0.0.12";
    .port = "3000";
    .probe = store_ready;
    .connect_timeout = 1s;
    .first_byte_timeout = 30s;
}

sub vcl_init {
    new store = directors.round_robin();
    store.add_backend(instance_a);
    store.add_backend(instance_b);
}

# The store's instances, the only hosts that may purge (EDGE_PURGE_URLS on each points here).
acl purgers {
    "10.0.0.11";
    "10.0.0.12";
}

# And they must send the shared secret (EDGE_PURGE_SECRET) as a bearer token.
sub site_purge_authorized {
    if (req.http.Authorization != "Bearer change-me-to-the-EDGE_PURGE_SECRET") {
        return (synth(401, "Unauthorized"));
    }
}
