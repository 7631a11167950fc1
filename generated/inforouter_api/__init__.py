# Generated from spec/inforouter.wsdl by scripts/generate. Do not edit.
"""infoRouter ``/srv.asmx`` client compiled from spec/inforouter.wsdl.

The WSDL and the task-model XSD ship inside this package, so nothing is fetched
from a server's ``?WSDL`` at run time.
"""

from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Final

from .operations import (
    NAMESPACE,
    OPERATIONS,
    PORTS,
    SERVICE,
    Operation,
    Parameter,
    Port,
    PortKind,
)
from .ports import (
    AsyncSrvSoap,
    AsyncSrvSoap12,
    HttpRequest,
    SrvHttpGet,
    SrvHttpPost,
    SrvSoap,
    SrvSoap12,
)

WSDL: Final[Traversable] = files(__name__) / "inforouter.wsdl"
TASK_MODELS_XSD: Final[Traversable] = files(__name__) / "inforouter-task-models.xsd"

__all__ = [
    "NAMESPACE",
    "OPERATIONS",
    "PORTS",
    "SERVICE",
    "TASK_MODELS_XSD",
    "WSDL",
    "AsyncSrvSoap",
    "AsyncSrvSoap12",
    "HttpRequest",
    "Operation",
    "Parameter",
    "Port",
    "PortKind",
    "SrvHttpGet",
    "SrvHttpPost",
    "SrvSoap",
    "SrvSoap12",
]
