"""Password hashing for local accounts (Argon2id through argon2-cffi)."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_HASHER = PasswordHasher()
MIN_LENGTH = 8


def hash_password(password: str) -> str:
    """An Argon2id hash (salt and parameters included) of a password."""
    return _HASHER.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    """Whether a password matches its stored hash; False for a wrong password or a malformed hash."""
    try:
        return _HASHER.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    """Whether a stored hash was made with weaker parameters than today's and should be replaced at next sign-in."""
    return _HASHER.check_needs_rehash(stored_hash)


def password_problem(password: str) -> str | None:
    """An i18n key saying why a new password is refused, or None when it is acceptable."""
    if len(password) < MIN_LENGTH:
        return "password_too_short"
    if password.strip() != password or not password.strip():
        return "password_whitespace"
    return None
