"""Reviewers' outputs: the 问题清单 as rows, spreadsheet (xlsx), CSV and a self-contained HTML report."""
