"""The plan model: validated tables joined into an immutable Dataset."""
