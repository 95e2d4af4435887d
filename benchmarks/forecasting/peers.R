# R's forecast::ets() and thetaf() on M3 monthly, scored exactly like the Java harness (sMAPE, MASE with the
# in-sample seasonal naive scale, 80/95 % interval coverage). Usage: Rscript peers.R m3_monthly.csv [limit] [cores]
suppressPackageStartupMessages({ library(forecast); library(parallel) })
args <- commandArgs(trailingOnly = TRUE)
csv <- args[1]
limit <- if (length(args) >= 2) as.integer(args[2]) else .Machine$integer.max
cores <- if (length(args) >= 3) as.integer(args[3]) else 1L
d <- read.csv(csv, stringsAsFactors = FALSE)
ids <- unique(d$series[d$part == "train"])
ids <- head(ids, limit)
train <- split(d[d$part == "train", ], d$series[d$part == "train"])
test <- split(d[d$part == "test", ], d$series[d$part == "test"])
one <- function(id, method) {
  tr <- train[[id]]; tr <- tr[order(tr$t), "value"]
  te <- test[[id]]; te <- te[order(te$t), "value"]
  y <- ts(tr, frequency = 12)
  fc <- if (method == "ets") forecast(ets(y), h = 18, level = c(80, 95)) else thetaf(y, h = 18, level = c(80, 95))
  f <- as.numeric(fc$mean)
  scale <- mean(abs(diff(tr, lag = 12)))
  c(smape = mean(200 * abs(te - f) / (abs(te) + abs(f))),
    mase = mean(abs(te - f)) / scale,
    in80 = mean(te >= fc$lower[, 1] & te <= fc$upper[, 1]),
    in95 = mean(te >= fc$lower[, 2] & te <= fc$upper[, 2]))
}
cat(sprintf("%-14s %8s %8s %8s %8s %10s %9s\n", "R method", "sMAPE", "MASE", "cov80", "cov95", "total s", "cpu s"))
cpu <- function() { p <- proc.time(); sum(p[c("user.self", "sys.self", "user.child", "sys.child")], na.rm = TRUE) }
for (method in c("ets", "thetaf")) {
  t0 <- proc.time()[["elapsed"]]; c0 <- cpu()
  r <- do.call(rbind, mclapply(ids, one, method = method, mc.cores = cores))
  secs <- proc.time()[["elapsed"]] - t0; cpus <- cpu() - c0
  m <- colMeans(r)
  cat(sprintf("%-14s %8.2f %8.3f %8.3f %8.3f %10.1f %9.1f\n", paste0("R ", method), m[["smape"]], m[["mase"]],
              m[["in80"]], m[["in95"]], secs, cpus))
}
