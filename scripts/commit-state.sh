#!/usr/bin/env bash
# Commits the state file the sync updated and pushes it, rebasing on a concurrent push (used by the actions' commit-state).
set -euo pipefail
: "${STATE_FILE:?the sync step did not report the state file}"
git config user.name >/dev/null || git config user.name 'github-actions[bot]'
git config user.email >/dev/null || git config user.email '41898282+github-actions[bot]@users.noreply.github.com'
git add -- "$STATE_FILE"
if git diff --cached --quiet; then
  echo "The state file is unchanged: nothing to commit."
  exit 0
fi
git commit --quiet -m "${COMMIT_MESSAGE:-chore(orchestrator): update issue links [skip ci]}" -- "$STATE_FILE"
for attempt in 1 2 3; do
  if git push --quiet; then
    echo "Pushed the updated state file."
    exit 0
  fi
  echo "Push rejected (attempt $attempt); rebasing on the remote branch."
  git pull --rebase --quiet
done
echo "Could not push the state file after 3 attempts. The issue links are rebuilt from the issues' markers on the next run, so nothing is lost." >&2
exit 1
