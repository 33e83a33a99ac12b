{
  "targets": [
    {
      "target_name": "readahead",
      "sources": ["native/readahead.c"]
    }
  ]
}
