"""force-briefing: actors, force contributions and stances from news articles on military deployments."""

__version__ = "0.1.0"
