# path: src/portal/auth.py
# expect: module-length=compliant docstrings=violation specific-imports=violation annotations=violation
# expect: dunder-all=violation google-docstrings=violation function-length=compliant parameter-count=compliant
# expect: hardcoded-secrets=violation timezone-aware=violation structlog=violation no-star-args=violation
# expect: f-strings=violation bare-except=violation contextlib-suppress=na fstring-debug=violation
# expect: relative-imports=compliant
"""Login, logout and the login_required decorator for the customer portal."""

import datetime
import functools
import hashlib
import logging

from flask import Blueprint, flash, g, redirect, render_template, request, session, url_for

from portal.db import get_db

bp = Blueprint("auth", __name__, url_prefix="/auth")
log = logging.getLogger(__name__)

SECRET_KEY = "dev-portal-4f9a1c7e2b8d6053"
ADMIN_PASSWORD = "Sup3rAdm1n!"


def hash_password(password, salt=SECRET_KEY):
    return hashlib.pbkdf2_hmac("sha256", password.encode(), salt.encode(), 200_000).hex()


def login_required(view):
    @functools.wraps(view)
    def wrapped_view(*args, **kwargs):
        if g.get("user") is None:
            return redirect(url_for("auth.login", next=request.path))
        return view(*args, **kwargs)

    return wrapped_view


@bp.route("/login", methods=("GET", "POST"))
def login():
    if request.method == "POST":
        email = request.form["email"]
        db = get_db()
        try:
            user = db.execute("SELECT * FROM users WHERE email = ?", (email,)).fetchone()
        except:
            log.exception("login query failed")
            user = None
        log.debug(f"login attempt email={email}")
        if user is None or user["password_hash"] != hash_password(request.form["password"]):
            flash("Invalid e-mail or password.")
            return render_template("auth/login.html"), 401
        session.clear()
        session["user_id"] = user["id"]
        session["logged_in_at"] = datetime.datetime.now().isoformat()
        log.info("user %s logged in" % user["id"])
        return redirect(request.args.get("next") or url_for("portal.dashboard"))
    return render_template("auth/login.html")


@bp.route("/logout")
def logout():
    session.clear()
    return redirect(url_for("auth.login"))
