"""Load test of `kinerja serve` on loopback (prints numbers; not a test).

Usage: python3 serve_load.py PORT PID [REQUESTS] [CONNECTIONS] [SLOW]

REQUESTS (default 20000) go over CONNECTIONS keep-alive connections
(default 64), alternating `/` and `/snapshot.json`, each asking for
gzip/br as a browser does; meanwhile SLOW clients (default 16) trickle a
request one byte every 100 ms. Prints requests/s, p50/p95/p99/max latency,
failures (any status other than 200, or a broken connection), the slow
clients' outcome and the server's peak RSS (VmHWM of PID).
"""
import asyncio
import statistics
import sys
import time

PORT, PID = int(sys.argv[1]), int(sys.argv[2])
TOTAL = int(sys.argv[3]) if len(sys.argv) > 3 else 20000
CONNS = int(sys.argv[4]) if len(sys.argv) > 4 else 64
SLOW = int(sys.argv[5]) if len(sys.argv) > 5 else 16
PATHS = ["/", "/snapshot.json"]


async def read_response(reader):
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = 0
    for l in lines[1:]:
        if l.lower().startswith("content-length:"):
            length = int(l.split(":", 1)[1])
    await reader.readexactly(length)
    return status


async def client(n, latencies, failures, counter):
    reader, writer = await asyncio.open_connection("127.0.0.1", PORT)
    while True:
        i = counter[0]
        if i >= TOTAL:
            break
        counter[0] += 1
        path = PATHS[i % 2]
        req = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: gzip, br\r\n\r\n".encode()
        t = time.perf_counter()
        try:
            writer.write(req)
            await writer.drain()
            status = await read_response(reader)
        except Exception as e:  # a broken connection is a failure; reconnect
            failures.append(repr(e))
            reader, writer = await asyncio.open_connection("127.0.0.1", PORT)
            continue
        latencies.append((time.perf_counter() - t) * 1000)
        if status != 200:
            failures.append(status)
    writer.close()


async def slow_client(results, stop):
    reader, writer = await asyncio.open_connection("127.0.0.1", PORT)
    req = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    for b in req:
        if stop.is_set():
            break
        writer.write(bytes([b]))
        await writer.drain()
        await asyncio.sleep(0.1)
    results.append("sent")
    writer.close()


def vmhwm(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) // 1024
    return -1


async def main():
    latencies, failures, counter, slow, stop = [], [], [0], [], asyncio.Event()
    slow_tasks = [asyncio.create_task(slow_client(slow, stop)) for _ in range(SLOW)]
    t = time.perf_counter()
    await asyncio.gather(*(client(i, latencies, failures, counter) for i in range(CONNS)))
    elapsed = time.perf_counter() - t
    stop.set()
    await asyncio.gather(*slow_tasks, return_exceptions=True)
    q = statistics.quantiles(latencies, n=100)
    print(f"{len(latencies)} requests over {CONNS} connections ({SLOW} slow clients trickling meanwhile) in {elapsed:.2f} s: "
          f"{len(latencies) / elapsed:.0f} requests/s")
    print(f"latency ms: p50 {q[49]:.2f}, p95 {q[94]:.2f}, p99 {q[98]:.2f}, max {max(latencies):.2f}")
    print(f"failed: {len(failures)}{' ' + repr(failures[:5]) if failures else ''}")
    print(f"server peak RSS: {vmhwm(PID)} MB")
    sys.exit(1 if failures else 0)


asyncio.run(main())
