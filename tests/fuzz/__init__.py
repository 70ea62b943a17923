"""Generators of hostile test input, written at test time; nothing large is committed."""
