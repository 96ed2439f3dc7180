"""A helper module with no DAG in it."""
def helper(x):
    return x * 2
