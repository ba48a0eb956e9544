"""Files users bring (plan versions, boundaries), validated whole, then saved in one store transaction."""
