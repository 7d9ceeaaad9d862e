# path: src/shop/api/__init__.py
# expect: module-length=compliant docstrings=violation specific-imports=compliant dunder-all=violation
# expect: wildcard-import=violation relative-imports=violation annotations=compliant builtin-generics=compliant
# expect: google-docstrings=violation function-length=compliant parameter-count=compliant
# expect: async-blocking=compliant
# expect: no-any=compliant
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from ..config import settings
from ..db import *
from .orders import router as orders_router
from .products import *
from .users import router as users_router


def create_app() -> FastAPI:
    app = FastAPI(title="Shop API", version=settings.version, debug=settings.debug)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_credentials=True,
        allow_methods=["*"],
        allow_headers=["*"],
    )
    app.include_router(orders_router)
    app.include_router(users_router)
    app.include_router(products_router)

    @app.get("/healthz", include_in_schema=False)
    async def healthz() -> dict[str, str]:
        return {"status": "ok", "version": settings.version}

    @app.on_event("startup")
    async def connect_db() -> None:
        await database.connect(settings.database_url.get_secret_value())

    @app.on_event("shutdown")
    async def disconnect_db() -> None:
        await database.disconnect()

    return app


app = create_app()
