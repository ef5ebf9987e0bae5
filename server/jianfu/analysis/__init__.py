"""The shared reading of a draft: sentences, words (jieba), lexicons, sentence features and document genre.

Rules read a sentence through this package instead of carrying their own guards: each
sentence is analysed once (lazily, only when some rule's anchor occurs in it) and the
analysis is reused by every rule.
"""
