# Plain Python lists and loops, no numpy at all.
def conv2d(features, weights, padding=0, stride=1):
    c_in, h, w = len(features), len(features[0]), len(features[0][0])
    c_out, k = len(weights), len(weights[0][0])

    def at(c, r, q):
        r, q = r - padding, q - padding
        return float(features[c][r][q]) if 0 <= r < h and 0 <= q < w else 0.0

    h_out = (h + 2 * padding - k) // stride + 1
    w_out = (w + 2 * padding - k) // stride + 1
    return [
        [
            [
                sum(at(c, i * stride + u, j * stride + v) * float(weights[o][c][u][v])
                    for c in range(c_in) for u in range(k) for v in range(k))
                for j in range(w_out)
            ]
            for i in range(h_out)
        ]
        for o in range(c_out)
    ]
