#!/usr/bin/python3
# nc.py - the NETCONF client of the it tests: ncclient (Debian python3-ncclient 0.6.13, installed by
# tools/install-peers.sh) over SSH, so every check goes through a real third-party NETCONF client.
#
#   nc.py HOST PORT USER PASSWORD hello                -> one line per server capability
#   nc.py HOST PORT USER PASSWORD get [FILTER.xml]     -> <data> of <get> (subtree filter optional)
#   nc.py HOST PORT USER PASSWORD get-config [FILTER.xml]
#   nc.py HOST PORT USER PASSWORD edit CONFIG.xml      -> edit-config on candidate, then commit: "OK"
#   nc.py HOST PORT USER PASSWORD listen SECONDS       -> "SUBSCRIBED", then one line per notification:
#                                                         "NOTIF <receive time, ns since epoch> <xml on one line>"
# An <rpc-error> prints "RPC-ERROR <error-tag> <error-message>" and exits 3; no connection exits 4.
# Every wait is bounded: the connection times out after 30 s, listen ends after SECONDS or when
# stdin closes (the test JVM went away).
import os
import select
import stat
import sys
import time

from ncclient import manager
from ncclient.operations.rpc import RPCError
from ncclient.transport.errors import SSHError, AuthenticationError

CONNECT_TIMEOUT = 30


def connect(host, port, user, password):
    return manager.connect(host=host, port=int(port), username=user, password=password, hostkey_verify=False,
                           allow_agent=False, look_for_keys=False, timeout=CONNECT_TIMEOUT)


def subtree(path):
    return ('subtree', open(path).read()) if path else None


def one_line(xml):
    return ' '.join(line.strip() for line in xml.splitlines())


def listen(m, seconds):
    # when stdin is a pipe (the test JVM), its closing means nobody is listening any more
    watch_stdin = stat.S_ISFIFO(os.fstat(sys.stdin.fileno()).st_mode)
    m.create_subscription()
    print('SUBSCRIBED', flush=True)
    end = time.time() + seconds
    while time.time() < end:
        notif = m.take_notification(block=True, timeout=0.2)
        if notif is not None:
            print('NOTIF', time.time_ns(), one_line(notif.notification_xml), flush=True)
        if watch_stdin:
            ready, _, _ = select.select([sys.stdin], [], [], 0)
            if ready and not sys.stdin.readline():
                return


def main(argv):
    if len(argv) < 6:
        print(__doc__ or 'usage: nc.py HOST PORT USER PASSWORD COMMAND [ARG]', file=sys.stderr)
        return 2
    host, port, user, password, command = argv[1:6]
    arg = argv[6] if len(argv) > 6 else None
    try:
        with connect(host, port, user, password) as m:
            if command == 'hello':
                for cap in m.server_capabilities:
                    print(cap)
            elif command == 'get':
                print(m.get(filter=subtree(arg)).data_xml)
            elif command == 'get-config':
                print(m.get_config(source='running', filter=subtree(arg)).data_xml)
            elif command == 'edit':
                body = open(arg).read()
                m.edit_config(target='candidate',
                              config='<config xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">' + body + '</config>')
                m.commit()
                print('OK')
            elif command == 'listen':
                listen(m, float(arg))
            else:
                print('unknown command ' + command, file=sys.stderr)
                return 2
    except RPCError as e:
        print('RPC-ERROR', e.tag, one_line(e.message or ''), flush=True)
        return 3
    except (SSHError, AuthenticationError, OSError) as e:
        print('NO-CONNECTION', type(e).__name__, e, flush=True)
        return 4
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
