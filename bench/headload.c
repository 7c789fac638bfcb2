/*
 * headload: a small closed-loop HTTP/1.1 load generator for HEAD requests.
 *
 * Why not wrk: wrk's response parser is never told that a request was a HEAD,
 * so on a "Content-Length: 401" HEAD answer it waits for 401 body bytes that
 * never come, and every connection stalls after its first request (wrk prints
 * "0 requests"). h2load --h1 has the same problem. This tool does the same job
 * as `wrk -tT -cC -dD` for HEAD only: T threads, C keep-alive connections in
 * total, one request in flight per connection, for D seconds.
 *
 * Build: cc -O2 -pthread -o headload headload.c
 * Usage: headload [-t threads] [-c connections] [-d seconds] [-T timeout_s]
 *                 [-H 'Name: value']... http://host:port/path
 *
 * Prints a human summary, then one machine-readable line:
 *   RESULT requests=N duration_s=X rps=X s2xx=N s3xx=N s4xx=N s5xx=N sother=N
 *          err_connect=N err_read=N err_write=N err_timeout=N err_parse=N
 *          lat_mean_us=X lat_p50_us=N lat_p99_us=N lat_max_us=N
 * Exit status: 0 when it ran (whatever the answers were), 2 on bad usage or
 * when the address cannot be resolved.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#define BUF_SIZE 16384
#define HIST_BUCKET_US 10
#define HIST_BUCKETS 100000 /* 10 us x 100000 = 1 s; slower answers go to the last bucket */

enum { ST_CLOSED, ST_CONNECTING, ST_WRITING, ST_READING };

struct conn {
    int fd;
    int state;
    uint32_t events; /* what the fd is registered for in epoll */
    size_t written;
    size_t len;
    uint64_t start_us;
    char buf[BUF_SIZE];
};

struct worker {
    pthread_t th;
    int nconns;
    struct conn *conns;
    int ep;
    uint64_t requests, s2xx, s3xx, s4xx, s5xx, sother;
    uint64_t e_connect, e_read, e_write, e_timeout, e_parse;
    uint64_t lat_sum_us, lat_max_us;
    uint32_t *hist;
};

static struct addrinfo *g_addr;
static char *g_req;
static size_t g_req_len;
static uint64_t g_deadline_us;
static uint64_t g_timeout_us = 5000000;

static uint64_t now_us(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

static void set_events(struct worker *w, struct conn *c, uint32_t ev) {
    if (c->events == ev) return;
    struct epoll_event e = {.events = ev, .data.ptr = c};
    epoll_ctl(w->ep, EPOLL_CTL_MOD, c->fd, &e);
    c->events = ev;
}

static void conn_close(struct worker *w, struct conn *c) {
    if (c->fd >= 0) {
        epoll_ctl(w->ep, EPOLL_CTL_DEL, c->fd, NULL);
        close(c->fd);
    }
    c->fd = -1;
    c->state = ST_CLOSED;
    c->events = 0;
}

static void conn_open(struct worker *w, struct conn *c) {
    c->len = 0;
    c->written = 0;
    c->fd = socket(g_addr->ai_family, g_addr->ai_socktype | SOCK_NONBLOCK, g_addr->ai_protocol);
    if (c->fd < 0) { w->e_connect++; c->state = ST_CLOSED; return; }
    int one = 1;
    setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (connect(c->fd, g_addr->ai_addr, g_addr->ai_addrlen) < 0 && errno != EINPROGRESS) {
        w->e_connect++;
        close(c->fd);
        c->fd = -1;
        c->state = ST_CLOSED;
        return;
    }
    c->state = ST_CONNECTING;
    c->events = EPOLLOUT;
    struct epoll_event e = {.events = EPOLLOUT, .data.ptr = c};
    epoll_ctl(w->ep, EPOLL_CTL_ADD, c->fd, &e);
}

static void conn_reopen(struct worker *w, struct conn *c) {
    conn_close(w, c);
    if (now_us() < g_deadline_us) conn_open(w, c);
}

/* Starts (or goes on with) writing the request. */
static void conn_write(struct worker *w, struct conn *c) {
    if (c->state != ST_WRITING) {
        c->state = ST_WRITING;
        c->written = 0;
        c->len = 0;
        c->start_us = now_us();
    }
    while (c->written < g_req_len) {
        ssize_t n = send(c->fd, g_req + c->written, g_req_len - c->written, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK) { set_events(w, c, EPOLLOUT); return; }
            if (errno == EINTR) continue;
            w->e_write++;
            conn_reopen(w, c);
            return;
        }
        c->written += (size_t)n;
    }
    c->state = ST_READING;
    set_events(w, c, EPOLLIN);
}

static int header_says_close(const char *hdr, size_t len, int http10) {
    /* Looks for a "Connection:" header line; HTTP/1.0 closes unless keep-alive. */
    const char *p = hdr, *end = hdr + len;
    int seen_keepalive = 0, seen_close = 0;
    while (p < end) {
        const char *eol = memmem(p, (size_t)(end - p), "\r\n", 2);
        if (!eol) eol = end;
        size_t l = (size_t)(eol - p);
        if (l > 11 && strncasecmp(p, "connection:", 11) == 0) {
            char v[128];
            size_t vl = l - 11 < sizeof v - 1 ? l - 11 : sizeof v - 1;
            memcpy(v, p + 11, vl);
            v[vl] = 0;
            if (strcasestr(v, "close")) seen_close = 1;
            if (strcasestr(v, "keep-alive")) seen_keepalive = 1;
        }
        p = eol + 2;
    }
    return seen_close || (http10 && !seen_keepalive);
}

static void conn_read(struct worker *w, struct conn *c) {
    for (;;) {
        if (c->len >= BUF_SIZE) { w->e_parse++; conn_reopen(w, c); return; }
        ssize_t n = recv(c->fd, c->buf + c->len, BUF_SIZE - c->len, 0);
        if (n < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK) return;
            if (errno == EINTR) continue;
            w->e_read++;
            conn_reopen(w, c);
            return;
        }
        if (n == 0) { /* closed by the server with our request outstanding */
            w->e_read++;
            conn_reopen(w, c);
            return;
        }
        c->len += (size_t)n;
        char *hend = memmem(c->buf, c->len, "\r\n\r\n", 4);
        if (!hend) continue;
        size_t hlen = (size_t)(hend - c->buf) + 4;
        uint64_t t = now_us();
        int status = 0, http10 = 0;
        if (c->len >= 12 && memcmp(c->buf, "HTTP/1.", 7) == 0) {
            http10 = c->buf[7] == '0';
            status = (c->buf[9] - '0') * 100 + (c->buf[10] - '0') * 10 + (c->buf[11] - '0');
        }
        if (status < 100 || status > 599) { w->e_parse++; conn_reopen(w, c); return; }
        if (t <= g_deadline_us) {
            uint64_t lat = t - c->start_us;
            w->requests++;
            w->lat_sum_us += lat;
            if (lat > w->lat_max_us) w->lat_max_us = lat;
            uint64_t b = lat / HIST_BUCKET_US;
            w->hist[b < HIST_BUCKETS ? b : HIST_BUCKETS - 1]++;
            if (status < 300) w->s2xx++;
            else if (status < 400) w->s3xx++;
            else if (status < 500) w->s4xx++;
            else if (status < 600) w->s5xx++;
            else w->sother++;
        }
        if (c->len != hlen) { /* a HEAD answer has no body: anything more is wrong */
            w->e_parse++;
            conn_reopen(w, c);
            return;
        }
        if (header_says_close(c->buf, hlen, http10)) { conn_reopen(w, c); return; }
        if (t >= g_deadline_us) { conn_close(w, c); return; }
        c->state = ST_CLOSED; /* idle between requests; conn_write resets it */
        c->len = 0;
        conn_write(w, c);
        return;
    }
}

static void *worker_main(void *arg) {
    struct worker *w = arg;
    struct epoll_event evs[256];
    w->ep = epoll_create1(0);
    for (int i = 0; i < w->nconns; i++) { w->conns[i].fd = -1; conn_open(w, &w->conns[i]); }
    uint64_t last_scan = now_us();
    for (;;) {
        uint64_t t = now_us();
        if (t >= g_deadline_us) break;
        int ms = (int)((g_deadline_us - t) / 1000) + 1;
        if (ms > 50) ms = 50;
        int n = epoll_wait(w->ep, evs, 256, ms);
        for (int i = 0; i < n; i++) {
            struct conn *c = evs[i].data.ptr;
            if (c->fd < 0) continue;
            if (c->state == ST_CONNECTING) {
                int err = 0;
                socklen_t el = sizeof err;
                getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &err, &el);
                if (err || (evs[i].events & (EPOLLERR | EPOLLHUP))) {
                    w->e_connect++;
                    conn_close(w, c);
                    continue; /* retried by the scan below, not in a tight loop */
                }
                conn_write(w, c);
            } else if (c->state == ST_WRITING) {
                conn_write(w, c);
            } else if (c->state == ST_READING) {
                conn_read(w, c);
            }
        }
        t = now_us();
        if (t - last_scan >= 100000) {
            last_scan = t;
            for (int i = 0; i < w->nconns; i++) {
                struct conn *c = &w->conns[i];
                if (c->state == ST_CLOSED && c->fd < 0) {
                    conn_open(w, c);
                } else if ((c->state == ST_WRITING || c->state == ST_READING) && t - c->start_us > g_timeout_us) {
                    w->e_timeout++;
                    conn_reopen(w, c);
                }
            }
        }
    }
    for (int i = 0; i < w->nconns; i++) conn_close(w, &w->conns[i]);
    close(w->ep);
    return NULL;
}

static void usage(void) {
    fprintf(stderr, "usage: headload [-t threads] [-c connections] [-d seconds] [-T timeout_s] "
                    "[-H 'Name: value']... http://host:port/path\n");
    exit(2);
}

int main(int argc, char **argv) {
    int threads = 2, conns = 32;
    double dur = 10;
    char *headers[64];
    int nh = 0, opt;
    while ((opt = getopt(argc, argv, "t:c:d:T:H:")) != -1) {
        switch (opt) {
        case 't': threads = atoi(optarg); break;
        case 'c': conns = atoi(optarg); break;
        case 'd': dur = atof(optarg); break;
        case 'T': g_timeout_us = (uint64_t)(atof(optarg) * 1e6); break;
        case 'H': if (nh < 64) headers[nh++] = optarg; break;
        default: usage();
        }
    }
    if (optind != argc - 1 || threads < 1 || conns < threads || dur <= 0) usage();
    const char *url = argv[optind];
    if (strncmp(url, "http://", 7) != 0) { fprintf(stderr, "headload: only http:// URLs\n"); return 2; }
    const char *hp = url + 7;
    const char *path = strchr(hp, '/');
    if (!path) path = "/";
    size_t hplen = strchr(hp, '/') ? (size_t)(strchr(hp, '/') - hp) : strlen(hp);
    char hostport[256], host[256], port[16] = "80";
    if (hplen >= sizeof hostport) usage();
    memcpy(hostport, hp, hplen);
    hostport[hplen] = 0;
    strcpy(host, hostport);
    char *colon = strrchr(host, ':');
    if (colon && !strchr(host, ']')) { snprintf(port, sizeof port, "%s", colon + 1); *colon = 0; }
    struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM};
    if (getaddrinfo(host, port, &hints, &g_addr) != 0) { fprintf(stderr, "headload: cannot resolve %s\n", hostport); return 2; }

    size_t cap = 1024 + strlen(path) + strlen(hostport);
    for (int i = 0; i < nh; i++) cap += strlen(headers[i]) + 2;
    g_req = malloc(cap);
    int off = snprintf(g_req, cap, "HEAD %s HTTP/1.1\r\nHost: %s\r\n", path, hostport);
    for (int i = 0; i < nh; i++) off += snprintf(g_req + off, cap - (size_t)off, "%s\r\n", headers[i]);
    off += snprintf(g_req + off, cap - (size_t)off, "\r\n");
    g_req_len = (size_t)off;

    struct worker *ws = calloc((size_t)threads, sizeof *ws);
    uint64_t start = now_us();
    g_deadline_us = start + (uint64_t)(dur * 1e6);
    for (int i = 0; i < threads; i++) {
        ws[i].nconns = conns / threads + (i < conns % threads ? 1 : 0);
        ws[i].conns = calloc((size_t)ws[i].nconns, sizeof(struct conn));
        ws[i].hist = calloc(HIST_BUCKETS, sizeof(uint32_t));
        pthread_create(&ws[i].th, NULL, worker_main, &ws[i]);
    }
    struct worker tot = {0};
    uint64_t *hist = calloc(HIST_BUCKETS, sizeof(uint64_t));
    for (int i = 0; i < threads; i++) {
        pthread_join(ws[i].th, NULL);
        tot.requests += ws[i].requests;
        tot.s2xx += ws[i].s2xx; tot.s3xx += ws[i].s3xx; tot.s4xx += ws[i].s4xx;
        tot.s5xx += ws[i].s5xx; tot.sother += ws[i].sother;
        tot.e_connect += ws[i].e_connect; tot.e_read += ws[i].e_read; tot.e_write += ws[i].e_write;
        tot.e_timeout += ws[i].e_timeout; tot.e_parse += ws[i].e_parse;
        tot.lat_sum_us += ws[i].lat_sum_us;
        if (ws[i].lat_max_us > tot.lat_max_us) tot.lat_max_us = ws[i].lat_max_us;
        for (int b = 0; b < HIST_BUCKETS; b++) hist[b] += ws[i].hist[b];
    }
    double secs = (double)(g_deadline_us - start) / 1e6;
    uint64_t p50 = 0, p99 = 0, acc = 0;
    int got50 = 0;
    for (int b = 0; b < HIST_BUCKETS && tot.requests; b++) {
        acc += hist[b];
        if (!got50 && acc * 100 >= tot.requests * 50) { p50 = (uint64_t)(b + 1) * HIST_BUCKET_US; got50 = 1; }
        if (acc * 100 >= tot.requests * 99) { p99 = (uint64_t)(b + 1) * HIST_BUCKET_US; break; }
    }
    double mean = tot.requests ? (double)tot.lat_sum_us / (double)tot.requests : 0;
    printf("HEAD %s: %d threads, %d connections, %.1f s\n", url, threads, conns, secs);
    printf("  %llu requests, %.2f req/s, latency mean %.0f us, p50 <= %llu us, p99 <= %llu us, max %llu us\n",
           (unsigned long long)tot.requests, tot.requests / secs, mean, (unsigned long long)p50,
           (unsigned long long)p99, (unsigned long long)tot.lat_max_us);
    printf("  status 2xx %llu, 3xx %llu, 4xx %llu, 5xx %llu; errors connect %llu, read %llu, write %llu, timeout %llu, parse %llu\n",
           (unsigned long long)tot.s2xx, (unsigned long long)tot.s3xx, (unsigned long long)tot.s4xx,
           (unsigned long long)tot.s5xx, (unsigned long long)tot.e_connect, (unsigned long long)tot.e_read,
           (unsigned long long)tot.e_write, (unsigned long long)tot.e_timeout, (unsigned long long)tot.e_parse);
    printf("RESULT requests=%llu duration_s=%.3f rps=%.2f s2xx=%llu s3xx=%llu s4xx=%llu s5xx=%llu sother=%llu "
           "err_connect=%llu err_read=%llu err_write=%llu err_timeout=%llu err_parse=%llu "
           "lat_mean_us=%.0f lat_p50_us=%llu lat_p99_us=%llu lat_max_us=%llu\n",
           (unsigned long long)tot.requests, secs, tot.requests / secs, (unsigned long long)tot.s2xx,
           (unsigned long long)tot.s3xx, (unsigned long long)tot.s4xx, (unsigned long long)tot.s5xx,
           (unsigned long long)tot.sother, (unsigned long long)tot.e_connect, (unsigned long long)tot.e_read,
           (unsigned long long)tot.e_write, (unsigned long long)tot.e_timeout, (unsigned long long)tot.e_parse,
           mean, (unsigned long long)p50, (unsigned long long)p99, (unsigned long long)tot.lat_max_us);
    return 0;
}
