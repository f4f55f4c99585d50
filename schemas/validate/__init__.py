"""The validate stage: records checked by pydantic and Great Expectations suites built from the declarations."""
