"""The chain investment map: firms, projects, chain links and yearly actuals, their import, gaps and targets."""
