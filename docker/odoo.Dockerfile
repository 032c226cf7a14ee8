FROM odoo:19.0
