"""loopsim from Python: serve a policy to the simulator, test a service, and train agents in a Gymnasium-style environment."""

from .protocol import VERSION, ArtworkRequest, Feedback, Hello, Member, Request, Reward, RowOrderRequest, Title, Visit
from .client import PolicyClient, ServiceError
from .env import LoopsimEnv
from .server import Policy, Session, serve

__all__ = ["VERSION", "ArtworkRequest", "Feedback", "Hello", "LoopsimEnv", "Member", "Policy", "PolicyClient", "Request", "Reward", "RowOrderRequest", "ServiceError", "Session",
           "Title", "Visit", "serve"]
