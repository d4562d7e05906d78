#!/usr/bin/env python3
"""Screenshots of Shouwang (守望) pages for a person to look at (developer tool).

    python3 scripts/screenshot.py --base http://127.0.0.1:8089 --user county --out screenshots \\
        --width 1280 --height 900 / /households "/leads?status=open"
    python3 scripts/screenshot.py --base http://127.0.0.1:8089 --user grid --width 390 --height 844 --mobile /

Logs in through /login (unless --user is empty), then for each PATH opens it, grows the viewport to the page's
scrollHeight (capped by --max-height, default 6000) and saves OUT/<name-from-path>-<width>.png; "/" is "home".
Prints one line per file. Exit 1 if the login fails or a page cannot be saved (a redirect to /login is reported).
Needs: apt-get install chromium chromium-driver fonts-wqy-microhei; python3 -m pip install selenium
"""
import argparse
import os
import re
import sys
import time
from urllib.parse import urlparse

os.environ.setdefault("SE_OFFLINE", "true")  # never let Selenium Manager try to download anything

from selenium import webdriver
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

CHROMIUM = os.environ.get("CHROMIUM_BINARY", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")


def make_driver(width, height):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                f"--window-size={width},{height}", "--lang=zh-CN", "--hide-scrollbars",
                "--disable-gpu", "--no-first-run", "--disable-extensions"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"intl.accept_languages": "zh-CN,zh"})
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.set_page_load_timeout(60)
    return driver


def set_viewport(driver, width, height, mobile, scale):
    # Exact CSS viewport (a headless window's outer size is not its viewport).
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": scale, "mobile": mobile})


def wait_ready(driver, timeout=30):
    WebDriverWait(driver, timeout).until(
        lambda d: d.execute_script("return document.readyState") == "complete")


def name_for(path):
    p = urlparse(path)
    raw = (p.path.strip("/") or "home") + (("_" + p.query) if p.query else "") + (("_" + p.fragment) if p.fragment else "")
    slug = re.sub(r"[^0-9A-Za-z\u4e00-\u9fff._-]+", "_", raw).strip("_.")
    return slug[:120] or "page"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", required=True, help="base URL, e.g. http://127.0.0.1:8089")
    ap.add_argument("--user", default="", help="demo account to log in as (empty: do not log in)")
    ap.add_argument("--password", default="shouwang-demo")
    ap.add_argument("--out", default="screenshots")
    ap.add_argument("--width", type=int, default=1280)
    ap.add_argument("--height", type=int, default=900, help="minimum viewport height")
    ap.add_argument("--max-height", type=int, default=6000)
    ap.add_argument("--mobile", action="store_true", help="emulate a phone (mobile viewport, touch)")
    ap.add_argument("--scale", type=float, default=None, help="device pixel ratio (default 1, 2 with --mobile)")
    ap.add_argument("--wait", type=float, default=0.3, help="seconds to wait after load before the shot")
    ap.add_argument("paths", nargs="+", metavar="PATH")
    args = ap.parse_args()
    base = args.base.rstrip("/")
    scale = args.scale or (2 if args.mobile else 1)
    os.makedirs(args.out, exist_ok=True)

    driver = make_driver(args.width, args.height)
    failures = 0
    try:
        set_viewport(driver, args.width, args.height, args.mobile, scale)
        if args.user:
            driver.get(base + "/login")
            wait_ready(driver)
            driver.find_element(By.ID, "username").send_keys(args.user)
            driver.find_element(By.ID, "password").send_keys(args.password)
            btn = driver.find_element(By.ID, "login-submit")
            btn.click()
            try:
                WebDriverWait(driver, 30).until(EC.staleness_of(btn))
            except TimeoutException:
                pass
            wait_ready(driver)
            if driver.find_elements(By.CSS_SELECTOR, ".flash-error") or urlparse(driver.current_url).path == "/login":
                err = driver.find_elements(By.CSS_SELECTOR, ".flash-error")
                print(f"login as {args.user} failed: {err[0].text if err else driver.current_url}", file=sys.stderr)
                return 1
            print(f"# logged in as {args.user} -> {driver.current_url}", file=sys.stderr)

        seen = {}
        for path in args.paths:
            if not path.startswith("/"):
                path = "/" + path
            name = name_for(path)
            seen[name] = seen.get(name, 0) + 1
            if seen[name] > 1:
                name += f"_{seen[name]}"
            fname = os.path.join(args.out, f"{name}-{args.width}.png")
            try:
                set_viewport(driver, args.width, args.height, args.mobile, scale)
                driver.get(base + path)
                wait_ready(driver)
                time.sleep(args.wait)
                h = driver.execute_script(
                    "return Math.max(document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0)")
                h = max(args.height, min(int(h), args.max_height))
                set_viewport(driver, args.width, h, args.mobile, scale)
                time.sleep(args.wait)
                if not driver.save_screenshot(fname):
                    raise WebDriverException("save_screenshot returned False")
                final = urlparse(driver.current_url)
                note = ""
                if final.path != urlparse(path).path:
                    note = f"  (redirected to {final.path}{'?' + final.query if final.query else ''})"
                print(f"{fname}{note}", flush=True)
            except WebDriverException as e:
                failures += 1
                print(f"{path}: FAILED: {getattr(e, 'msg', e)}", file=sys.stderr, flush=True)
    finally:
        driver.quit()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
