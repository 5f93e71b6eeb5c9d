#!/usr/bin/python3
"""Drives Debian's python3-caldav against the app for caldav.clients.test.ts; prints one JSON object.

usage: caldav_client.py URL EMAIL KEY COMMAND [ARGS...]
  discover                        principal, calendar home, calendars [{name, url}]
  mkcal NAME                      MKCALENDAR a tasks calendar; prints its url
  create CAL_URL UID SUMMARY      save a VTODO
  list CAL_URL                    todos (completed ones included) [{uid, summary, status, url}]
  update CAL_URL UID SUMMARY      change a todo's SUMMARY
  complete CAL_URL UID            mark a todo completed
  delete CAL_URL UID              delete a todo
  sync CAL_URL [TOKEN]            sync-collection: {token, changed: [uid], deleted: [url]}
"""
import json
import sys

import caldav
from caldav.lib.error import DAVError


def todo_of(cal, uid):
    for t in cal.todos(include_completed=True):
        if t.icalendar_component.get("uid") == uid:
            return t
    raise SystemExit(json.dumps({"error": "no such todo " + uid}))


def main():
    url, email, key, command, *args = sys.argv[1:]
    client = caldav.DAVClient(url=url, username=email, password=key)
    out = {}
    try:
        if command == "discover":
            principal = client.principal()
            out["principal"] = str(principal.url)
            out["home"] = str(principal.calendar_home_set.url)
            out["calendars"] = [{"name": c.name, "url": str(c.url)} for c in principal.calendars()]
        elif command == "mkcal":
            cal = client.principal().make_calendar(name=args[0], supported_calendar_component_set=["VTODO"])
            out["url"] = str(cal.url)
        else:
            cal = client.calendar(url=args[0])
            if command == "create":
                t = cal.save_todo(
                    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//python-caldav test//EN\r\n"
                    "BEGIN:VTODO\r\nUID:%s\r\nDTSTAMP:20261201T090000Z\r\nSUMMARY:%s\r\n"
                    "PRIORITY:3\r\nX-TEST-KEEP:kept as sent\r\nEND:VTODO\r\nEND:VCALENDAR\r\n" % (args[1], args[2])
                )
                out["url"] = str(t.url)
            elif command == "list":
                out["todos"] = [
                    {
                        "uid": str(t.icalendar_component.get("uid")),
                        "summary": str(t.icalendar_component.get("summary")),
                        "status": str(t.icalendar_component.get("status")),
                        "priority": int(t.icalendar_component.get("priority") or 0),
                        "keep": str(t.icalendar_component.get("x-test-keep")),
                        "url": str(t.url),
                    }
                    for t in cal.todos(include_completed=True)
                ]
            elif command == "update":
                t = todo_of(cal, args[1])
                t.icalendar_component["summary"] = args[2]
                t.save()
            elif command == "complete":
                todo_of(cal, args[1]).complete()
            elif command == "delete":
                todo_of(cal, args[1]).delete()
            elif command == "sync":
                objects = cal.objects_by_sync_token(sync_token=args[1] if len(args) > 1 else None, load_objects=True)
                out["token"] = objects.sync_token
                out["changed"] = []
                out["deleted"] = []
                for o in objects:
                    if o.data is None:
                        out["deleted"].append(str(o.url))
                    else:
                        out["changed"].append(str(o.icalendar_component.get("uid")))
            else:
                raise SystemExit("unknown command " + command)
    except DAVError as e:
        out = {"error": type(e).__name__, "reason": str(e)}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
