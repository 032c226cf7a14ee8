FROM postgres:17
