"""Who is using the workspace: password hashing, sign-in rate limits, signed sessions, trusted proxy headers, roles."""
