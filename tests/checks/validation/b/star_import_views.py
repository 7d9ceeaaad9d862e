# path: src/legacy_admin/views.py
# expect: module-length=compliant docstrings=violation specific-imports=compliant annotations=violation
# expect: dunder-all=violation google-docstrings=violation function-length=compliant parameter-count=compliant
# expect: wildcard-import=violation relative-imports=violation f-strings=violation repr=violation
# expect: class-length=compliant structlog=violation timezone-aware=violation bare-except=violation
# expect: sqlalchemy-select=violation raise-from=na
"""Admin views for the legacy back office."""

from datetime import datetime

from flask import *
from flask.views import MethodView

from ..auth.decorators import admin_required
from ..models import *
from .forms import CustomerForm


class CustomerListView(MethodView):
    decorators = [admin_required]

    def get(self):
        page = int(request.args.get("page", 1))
        customers = db.session.query(Customer).order_by(Customer.name).paginate(page=page, per_page=25)
        return render_template("admin/customers.html", customers=customers, now=datetime.now())


class CustomerEditView(MethodView):
    decorators = [admin_required]

    def get(self, customer_id):
        customer = db.session.query(Customer).get_or_404(customer_id)
        return render_template("admin/customer_edit.html", form=CustomerForm(obj=customer))

    def post(self, customer_id):
        customer = db.session.query(Customer).get_or_404(customer_id)
        form = CustomerForm(request.form, obj=customer)
        if not form.validate():
            flash("Please fix the errors below.", "error")
            return render_template("admin/customer_edit.html", form=form), 400
        form.populate_obj(customer)
        customer.updated_at = datetime.utcnow()
        try:
            db.session.commit()
        except:
            db.session.rollback()
            current_app.logger.exception("could not save customer %s", customer_id)
            flash("Saving failed.", "error")
            return redirect(url_for("admin.customer_edit", customer_id=customer_id))
        flash("Customer %s saved." % customer.name, "success")
        return redirect(url_for("admin.customers"))


def register(app):
    app.add_url_rule("/admin/customers", view_func=CustomerListView.as_view("customers"))
    app.add_url_rule(
        "/admin/customers/<int:customer_id>", view_func=CustomerEditView.as_view("customer_edit")
    )
