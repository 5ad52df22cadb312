"""schemathesis hooks (loaded by schemathesis.toml): one check of our own.

oEmbed 1.0 (https://oembed.com/, section 2.3.5) requires "501 Not Implemented" when the consumer asks for a
format the provider does not offer. schemathesis.toml lets /oembed answer 501 besides 2xx-4xx; this check makes
sure a 501 answers exactly that case (a `format` other than json) and carries a JSON error body, so that every
other 5xx of /oembed, and a 501 for a format we do offer, still fail the run.
"""
import json

import schemathesis


@schemathesis.check
def oembed_501_only_for_unknown_format(ctx, response, case):
    if case.operation.path != "/oembed" or response.status_code != 501:
        return None
    query = case.query or {}
    fmt = query.get("format")
    if fmt is None or fmt == "json":
        raise AssertionError(f"/oembed answered 501 for format={fmt!r}; 501 is only for a format other than json")
    try:
        body = json.loads(response.content)
    except ValueError as exc:
        raise AssertionError(f"/oembed 501 without a JSON body: {exc}") from None
    error = body.get("error") if isinstance(body, dict) else None
    if not isinstance(error, dict) or error.get("status") != 501 or not error.get("message"):
        raise AssertionError(f"/oembed 501 without the service's JSON error (status and message): {body!r}")
    return None
