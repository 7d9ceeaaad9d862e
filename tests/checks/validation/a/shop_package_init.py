# path: src/shop/models/__init__.py
# expect: wildcard-import=violation relative-imports=compliant dunder-all=violation docstrings=violation
# expect: specific-imports=compliant annotations=violation google-docstrings=violation f-strings=compliant
# expect: module-length=compliant function-length=compliant parameter-count=compliant no-star-args=compliant comprehensions=compliant
from .base import *
from .customer import *
from .order import *
from .product import *

from .order import OrderStatus as Status

DEFAULT_CURRENCY = "EUR"
MAX_LINES_PER_ORDER = 100

MODEL_REGISTRY = {
    "customer": Customer,
    "order": Order,
    "product": Product,
}


def model_for(name):
    return MODEL_REGISTRY[name]


def all_models():
    return list(MODEL_REGISTRY.values())


def status_names():
    return [status.value for status in Status]


def register(name, model):
    if name in MODEL_REGISTRY:
        raise ValueError(f"model {name} already registered")
    MODEL_REGISTRY[name] = model


def unregister(name):
    MODEL_REGISTRY.pop(name, None)


def is_registered(name):
    return name in MODEL_REGISTRY


def describe():
    return {name: model.__name__ for name, model in MODEL_REGISTRY.items()}
