#!/usr/bin/env python3
"""A quick shop <-> Odoo connector, the kind that is built for a demo.

It does the happy path right: shop orders become confirmed sale orders, the payment is
captured and booked against an invoice, the carrier is booked and the delivery validated,
stock levels go back to the shop. It is also typical of what such a connector leaves out:

* no idempotency: what it has imported is remembered in memory only (lost on restart), and
  a webhook that arrives twice is imported twice;
* no retries: a call that fails fails the request, with nothing kept to try again later;
* no correction queue: an order it cannot import is an HTTP 500, and nobody is told;
* it invoices what was ordered (not what was delivered), ships what was ordered (whatever
  the carrier takes), and pushes the on-hand quantity to the shop (not the free quantity).

Sale orders are found again by their customer reference: client_order_ref = the shop's
order number (`#1001`), the number the customer sees.

Standard library only (Python 3.11). Configuration from the environment:
SHOP_URL, GATEWAY_URL, CARRIER_URL, ODOO_URL, ODOO_DB, ODOO_LOGIN, ODOO_PASSWORD,
CHANNEL (default "shop"), HTTP_TIMEOUT_SECONDS (default 10, for the shop, gateway and carrier).

It serves its control and webhook API on 127.0.0.1 (a free port), prints
`LISTENING http://127.0.0.1:<port>` once ready, and exits when its stdin closes or on SIGTERM.
"""

import json
import os
import signal
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
import uuid
import xmlrpc.client
from http.server import BaseHTTPRequestHandler, HTTPServer

SHOP_URL = os.environ["SHOP_URL"].rstrip("/")
GATEWAY_URL = os.environ["GATEWAY_URL"].rstrip("/")
CARRIER_URL = os.environ["CARRIER_URL"].rstrip("/")
ODOO_URL = os.environ["ODOO_URL"].rstrip("/")
ODOO_DB = os.environ["ODOO_DB"]
ODOO_LOGIN = os.environ["ODOO_LOGIN"]
ODOO_PASSWORD = os.environ["ODOO_PASSWORD"]
CHANNEL = os.environ.get("CHANNEL", "shop")
HTTP_TIMEOUT = float(os.environ.get("HTTP_TIMEOUT_SECONDS", "10"))

# What this process has imported, by shop order id. In memory only: a restart forgets it.
seen_orders = set()


def log(message):
    print(f"[quick-connector {CHANNEL}] {message}", file=sys.stderr, flush=True)


# --- HTTP to the shop, the gateway and the carrier -------------------------------------------


class ApiError(Exception):
    pass


def call_api(base, method, path, body=None, headers=None):
    """One JSON request; a non-2xx answer, a timeout or a dropped connection raises (no retry)."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(f"{base}{path}", data=data, method=method, headers={"content-type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=HTTP_TIMEOUT) as response:
            text = response.read().decode()
    except urllib.error.HTTPError as error:
        raise ApiError(f"{method} {base}{path} answered {error.code}: {error.read().decode(errors='replace')[:300]}") from None
    except (urllib.error.URLError, OSError) as error:
        raise ApiError(f"{method} {base}{path} failed: {error}") from None
    return json.loads(text) if text else None


def shop_order(order_id):
    return call_api(SHOP_URL, "GET", f"/v1/orders/{urllib.parse.quote(order_id)}")


# --- Odoo over XML-RPC ------------------------------------------------------------------------

common = xmlrpc.client.ServerProxy(f"{ODOO_URL}/xmlrpc/2/common")
models = xmlrpc.client.ServerProxy(f"{ODOO_URL}/xmlrpc/2/object")
uid = None


def odoo(model, method, *args, **kwargs):
    """execute_kw as the admin user (logged in on first use)."""
    global uid
    if uid is None:
        uid = common.authenticate(ODOO_DB, ODOO_LOGIN, ODOO_PASSWORD, {})
        if not uid:
            raise RuntimeError(f"Odoo refused the login {ODOO_LOGIN!r} on database {ODOO_DB!r}")
        log(f"logged in to Odoo {ODOO_URL} db={ODOO_DB} as {ODOO_LOGIN} (uid {uid})")
    try:
        return models.execute_kw(ODOO_DB, uid, ODOO_PASSWORD, model, method, list(args), kwargs)
    except xmlrpc.client.Fault as fault:
        # Odoo's XML-RPC cannot send a Python None back: methods that return None (or an action
        # holding one) end in this fault after their work was committed. Everybody learns to
        # treat it as "done".
        if "cannot marshal None" in fault.faultString:
            return None
        # Odoo puts the whole traceback in faultString; its last line is the message.
        lines = [line for line in fault.faultString.strip().splitlines() if line.strip()]
        raise RuntimeError(f"Odoo {model}.{method}: {lines[-1] if lines else fault.faultCode}") from None


def sale_order_of(order):
    """The sale order of a shop order, found by its customer reference (the first, if several)."""
    found = odoo("sale.order", "search", [["client_order_ref", "=", order["number"]]], limit=1, order="id")
    if not found:
        raise RuntimeError(f"no sale order with customer reference {order['number']} (shop order {order['id']})")
    return found[0]


# --- Orders and customers -----------------------------------------------------------------------


def partner_for(customer):
    """The customer's partner: the first one with the same email, else a new one."""
    if customer.get("email"):
        found = odoo("res.partner", "search", [["email", "=", customer["email"]]], limit=1)
        if found:
            return found[0]
    address = customer.get("address") or {}
    country = odoo("res.country", "search", [["code", "=", address["countryCode"].upper()]], limit=1) if address.get("countryCode") else []
    name = f"{customer.get('firstName', '')} {customer.get('lastName', '')}".strip() or customer.get("email") or customer["id"]
    partner_id = odoo(
        "res.partner",
        "create",
        {
            "name": name,
            "email": customer.get("email") or False,
            "phone": customer.get("phone") or False,
            "street": address.get("street") or False,
            "city": address.get("city") or False,
            "zip": address.get("zip") or False,
            "country_id": country[0] if country else False,
        },
    )
    log(f"created partner {partner_id} ({name}) for shop customer {customer['id']}")
    return partner_id


def net_price(product, gross):
    """A tax-included shop price as a net unit price: divided by the product's percent taxes, to the cent."""
    taxes = odoo("account.tax", "read", product["taxes_id"], ["amount", "amount_type", "price_include"]) if product["taxes_id"] else []
    rate = sum(t["amount"] / 100 for t in taxes if t["amount_type"] == "percent" and not t["price_include"])
    return round(gross / (1 + rate), 2)


def import_order(order):
    """Creates and confirms the sale order of a shop order. No check whether it is already in Odoo."""
    partner_id = partner_for(order["customer"])
    lines = []
    for line in order["lines"]:
        products = odoo("product.product", "search_read", [["default_code", "=", line["sku"]]], fields=["id", "taxes_id"], limit=1)
        if not products:
            raise RuntimeError(f"order {order['number']}: no product with internal reference {line['sku']} in Odoo")
        price = line["unitPrice"] / 100
        if order.get("pricesIncludeTax"):
            price = net_price(products[0], price)
        lines.append((0, 0, {"product_id": products[0]["id"], "product_uom_qty": line["quantity"], "price_unit": price, "discount": line.get("discountPercent", 0)}))
    sale_order_id = odoo(
        "sale.order",
        "create",
        {"partner_id": partner_id, "client_order_ref": order["number"], "origin": f"{CHANNEL} {order['id']}", "order_line": lines},
    )
    odoo("sale.order", "action_confirm", [sale_order_id])
    call_api(SHOP_URL, "POST", f"/v1/orders/{order['id']}/ack", {})
    seen_orders.add(order["id"])
    log(f"imported shop order {order['id']} ({order['number']}) as sale order {sale_order_id}, confirmed")
    return sale_order_id


def sync_orders():
    """Lists all the shop's orders (from the start: there is no saved cursor) and imports the open ones not seen yet."""
    imported, after = [], 0
    while True:
        page = call_api(SHOP_URL, "GET", f"/v1/orders?after={after}&limit=100")
        if not page["orders"]:
            break
        for order in page["orders"]:
            if order["id"] not in seen_orders and order["status"] == "open":
                imported.append({"orderId": order["id"], "saleOrderId": import_order(order)})
        after = page["next"]
    log(f"sync: {len(imported)} new order(s)")
    return {"imported": imported}


def cancel_order(order_id):
    """Cancels the sale order of a cancelled shop order, if there is one."""
    order = shop_order(order_id)
    found = odoo("sale.order", "search", [["client_order_ref", "=", order["number"]]], limit=1, order="id")
    if not found:
        log(f"order.cancelled for {order_id} ({order['number']}): no sale order, ignored")
        return
    result = odoo("sale.order", "action_cancel", [found[0]])
    # Odoo 18 asks for confirmation with a wizard when the order was confirmed; 19 cancels at once.
    if isinstance(result, dict) and result.get("res_model") == "sale.order.cancel":
        context = result.get("context") or {}
        wizard_id = odoo("sale.order.cancel", "create", {"order_id": found[0]}, context=context)
        odoo("sale.order.cancel", "action_cancel", [wizard_id], context=context)
    log(f"cancelled sale order {found[0]} of shop order {order_id} ({order['number']})")


# --- Payments -----------------------------------------------------------------------------------


def capture_payment(order_id):
    """Captures the order's authorization, then invoices the ordered quantities and pays the invoice."""
    order = shop_order(order_id)
    # The gateway requires an idempotency key; a new one per call (so a repeated call captures again).
    capture = call_api(
        GATEWAY_URL,
        "POST",
        "/v1/captures",
        {"authorizationId": order["payment"]["authorizationId"], "amount": order["total"]},
        {"idempotency-key": str(uuid.uuid4())},
    )
    log(f"captured {capture['amount'] / 100:.2f} for {order_id}: {capture['id']} ({capture['status']})")
    sale_order_id = sale_order_of(order)

    # "Create invoice" on the sale order (regular invoice: what the product policy allows, ordered quantities here).
    before = set(odoo("sale.order", "read", [sale_order_id], ["invoice_ids"])[0]["invoice_ids"])
    wizard_id = odoo("sale.advance.payment.inv", "create", {"advance_payment_method": "delivered", "sale_order_ids": [(6, 0, [sale_order_id])]})
    odoo("sale.advance.payment.inv", "create_invoices", [wizard_id])
    new = sorted(set(odoo("sale.order", "read", [sale_order_id], ["invoice_ids"])[0]["invoice_ids"]) - before)
    if not new:
        raise RuntimeError(f"sale order {sale_order_id}: Odoo made no invoice")
    odoo("account.move", "action_post", new)
    log(f"invoiced sale order {sale_order_id}: invoice(s) {new} posted")

    # "Register payment" on the invoice, for the captured amount.
    context = {"active_model": "account.move", "active_ids": new}
    register_id = odoo("account.payment.register", "create", {"amount": capture["amount"] / 100, "communication": capture["id"]}, context=context)
    odoo("account.payment.register", "action_create_payments", [register_id], context=context)
    log(f"registered payment of {capture['amount'] / 100:.2f} on invoice(s) {new}")
    return {"captureId": capture["id"], "invoiceIds": new}


# --- Shipping and stock -------------------------------------------------------------------------


def validate_picking(picking_id):
    """Validates a delivery, answering the SMS and backorder questions Odoo may ask."""
    result = odoo("stock.picking", "button_validate", [picking_id])
    for _ in range(5):
        if not isinstance(result, dict):
            return
        context = result.get("context") or {}
        if result.get("res_model") == "confirm.stock.sms":
            result = odoo("confirm.stock.sms", "dont_send_sms", [result["res_id"]], context=context)
        elif result.get("res_model") == "stock.backorder.confirmation":
            wizard_id = odoo("stock.backorder.confirmation", "create", {}, context=context)
            result = odoo("stock.backorder.confirmation", "process", [wizard_id], context=context)
        else:
            raise RuntimeError(f"validating picking {picking_id} opened {result.get('res_model')}, which this connector does not answer")
    raise RuntimeError(f"validating picking {picking_id} keeps asking questions")


def request_shipment(order_id):
    """Books the carrier for what was ordered, marks the delivery done for all of it, and tells the shop."""
    order = shop_order(order_id)
    sale_order_id = sale_order_of(order)
    pickings = odoo(
        "stock.picking",
        "search_read",
        [["sale_id", "=", sale_order_id], ["picking_type_code", "=", "outgoing"], ["state", "not in", ["done", "cancel"]]],
        fields=["name"],
        limit=1,
        order="id",
    )
    if not pickings:
        raise RuntimeError(f"sale order {sale_order_id} has no open delivery")
    picking = pickings[0]
    lines = [{"sku": line["sku"], "quantity": line["quantity"]} for line in order["lines"]]
    address = order.get("shippingAddress") or order["customer"].get("address")
    if not address:
        raise RuntimeError(f"order {order['number']} has no address to ship to")
    shipment = call_api(CARRIER_URL, "POST", "/v1/shipments", {"reference": picking["name"], "orderRef": order_id, "lines": lines, "address": address})
    log(f"booked shipment {shipment['id']} for {picking['name']} ({order_id})")

    # The warehouse ships everything that was ordered.
    for move in odoo("stock.move", "search_read", [["picking_id", "=", picking["id"]]], fields=["product_uom_qty"]):
        odoo("stock.move", "write", [move["id"]], {"quantity": move["product_uom_qty"], "picked": True})
    validate_picking(picking["id"])
    log(f"validated delivery {picking['name']} for the ordered quantities")

    fulfillment = {"lines": lines, **({"trackingNumber": shipment["trackingNumber"]} if shipment.get("trackingNumber") else {})}
    call_api(SHOP_URL, "POST", f"/v1/orders/{order_id}/fulfillments", fulfillment)
    log(f"told the shop {order_id} is fulfilled")
    return {"shipmentId": shipment["id"]}


def push_stock():
    """Sends each product's on-hand quantity in Odoo to the shop."""
    pushed = {}
    for product in odoo("product.product", "search_read", [["default_code", "!=", False]], fields=["default_code", "qty_available"], order="default_code"):
        available = int(product["qty_available"])
        call_api(SHOP_URL, "PUT", f"/v1/stock/{urllib.parse.quote(product['default_code'], safe='')}", {"available": available})
        pushed[product["default_code"]] = available
    log(f"pushed stock of {len(pushed)} product(s) to the shop")
    return {"pushed": pushed}


# --- Webhooks -----------------------------------------------------------------------------------


def event_type(event):
    return str(event.get("type") or event.get("event_type") or event.get("eventType") or "unknown")


def shop_webhook(event):
    kind = event_type(event)
    if kind == "order.created":
        # Imported straight away: the event id is not checked, so a redelivered event imports again.
        return {"saleOrderId": import_order(shop_order(event["orderId"]))}
    if kind == "order.cancelled":
        cancel_order(event["orderId"])
        return {}
    log(f"shop webhook {kind} {event.get('id')}: ignored")
    return {}


def payment_webhook(event):
    # The capture call already booked the payment; the gateway's notices are only logged.
    log(f"payment webhook {event_type(event)} {event.get('id')}: ignored")
    return {}


def carrier_webhook(event):
    # The delivery was validated when the shipment was booked; carrier updates are only logged.
    log(f"carrier webhook {event_type(event)} {event.get('id')}: ignored")
    return {}


ROUTES = {
    "/sync": lambda body: sync_orders(),
    "/capture": lambda body: capture_payment(body["shopOrderId"]),
    "/ship": lambda body: request_shipment(body["shopOrderId"]),
    "/stock/push": lambda body: push_stock(),
    "/webhooks/shop": shop_webhook,
    "/webhooks/payment": payment_webhook,
    "/webhooks/carrier": carrier_webhook,
}


class Handler(BaseHTTPRequestHandler):
    def answer(self, status, payload):
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path == "/health":
            self.answer(200, {"ok": True})
        else:
            self.answer(404, {"error": f"no route GET {self.path}"})

    def do_POST(self):
        route = ROUTES.get(self.path)
        if route is None:
            self.answer(404, {"error": f"no route POST {self.path}"})
            return
        try:
            length = int(self.headers.get("content-length") or 0)
            body = json.loads(self.rfile.read(length) or b"{}")
            self.answer(200, route(body) or {})
        except Exception as error:  # the demo's error handling: say what went wrong, keep nothing
            message = str(error) or type(error).__name__
            log(f"POST {self.path} failed: {message}")
            self.answer(500, {"error": message})

    def log_message(self, format, *args):
        log(f"{self.command} {self.path} -> {args[1] if len(args) > 1 else ''}")


def exit_when_stdin_closes():
    # The process that started us holds our stdin: when it goes away, so do we.
    while sys.stdin.buffer.read(4096):
        pass
    os._exit(0)


def main():
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    # One request at a time, in the order they come.
    server = HTTPServer(("127.0.0.1", 0), Handler)
    log(f"shop={SHOP_URL} gateway={GATEWAY_URL} carrier={CARRIER_URL} odoo={ODOO_URL} db={ODOO_DB} login={ODOO_LOGIN}")
    print(f"LISTENING http://127.0.0.1:{server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
