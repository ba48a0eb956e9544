"""Files users bring (official boundaries, plan versions) -> validated -> one store transaction."""
