MOD = 10**9 + 7
def f(n):
    dp = [0] * (n + 1)
    dp[0] = dp[1] = 1
    for i in range(2, n + 1):
        dp[i] = dp[i-1] + dp[i-2]
        dp[i] %= MOD
    return dp[n]
