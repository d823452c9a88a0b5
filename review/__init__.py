"""The supervisors' review web app (`gapflow review`): FastAPI, server-rendered Jinja2 pages, no CDN."""
