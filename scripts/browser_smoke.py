#!/usr/bin/env python3
"""Real-browser smoke test for Shouwang (守望): Debian's chromium + chromedriver driven by Selenium 4.

    python3 scripts/browser_smoke.py --base http://127.0.0.1:8089 --out screenshots/smoke

Checks: logged-out / redirects to /login; the login page is Chinese and has the form; a wrong password shows
.flash-error with Chinese text; the demo user (county / shouwang-demo) lands on body[data-page=home][data-role=county]
with an <h1>; screenshots of the home page at desktop size and at a 390x844 phone viewport.
Exit 0 when everything passed, 1 on the first failure (with a screenshot and the page source in --out).
Needs: apt-get install chromium chromium-driver fonts-wqy-microhei; python3 -m pip install selenium
"""
import argparse
import os
import re
import sys
import time
import urllib.error
import urllib.request
from urllib.parse import urlparse

os.environ.setdefault("SE_OFFLINE", "true")  # never let Selenium Manager try to download anything

from selenium import webdriver
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

CJK = re.compile(r"[\u4e00-\u9fff]")
CHROMIUM = os.environ.get("CHROMIUM_BINARY", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")


class SmokeFailure(Exception):
    pass


def make_driver(width=1280, height=900):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                f"--window-size={width},{height}", "--lang=zh-CN", "--hide-scrollbars",
                "--disable-gpu", "--no-first-run", "--disable-extensions"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"intl.accept_languages": "zh-CN,zh"})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.set_page_load_timeout(60)
    return driver


def set_viewport(driver, width, height, mobile=False, scale=1):
    """Exact CSS viewport via DevTools (the window size alone is not the viewport)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": scale, "mobile": mobile})
    if mobile:
        driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 5})


def wait_ready(driver, timeout=30):
    WebDriverWait(driver, timeout).until(
        lambda d: d.execute_script("return document.readyState") == "complete")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", required=True, help="base URL of a running server, e.g. http://127.0.0.1:8089")
    ap.add_argument("--out", required=True, help="directory for screenshots")
    ap.add_argument("--user", default="county")
    ap.add_argument("--password", default="shouwang-demo")
    ap.add_argument("--role", default=None, help="expected data-role after login (default: the user name)")
    ap.add_argument("--timeout", type=float, default=30)
    args = ap.parse_args()
    base = args.base.rstrip("/")
    role = args.role or args.user
    os.makedirs(args.out, exist_ok=True)

    passed, warnings = [], []

    def ok(msg):
        passed.append(msg)
        print(f"  PASS  {msg}", flush=True)

    def warn(msg):
        warnings.append(msg)
        print(f"  WARN  {msg}", flush=True)

    def check(cond, msg):
        if not cond:
            raise SmokeFailure(msg)
        ok(msg)

    def shot(name):
        path = os.path.join(args.out, name)
        if not driver.save_screenshot(path):
            raise SmokeFailure(f"could not save screenshot {path}")
        print(f"  SHOT  {path}", flush=True)
        return path

    def path_of(url):
        return urlparse(url).path or "/"

    print(f"browser smoke against {base} (chromium {CHROMIUM}, driver {CHROMEDRIVER})", flush=True)
    try:
        urllib.request.urlopen(base + "/healthz", timeout=10).close()
    except urllib.error.HTTPError as e:
        print(f"  FAIL  GET {base}/healthz answered {e.code}", file=sys.stderr)
        print("browser_smoke: 0 passed, 1 failed", flush=True)
        return 1
    except OSError as e:
        print(f"  FAIL  server not reachable at {base}/healthz: {e}", file=sys.stderr)
        print("browser_smoke: 0 passed, 1 failed", flush=True)
        return 1
    try:
        driver = make_driver()
    except WebDriverException as e:
        print(f"FAIL: could not start chromium/chromedriver: {e.msg if hasattr(e, 'msg') else e}", file=sys.stderr)
        return 1
    wait = WebDriverWait(driver, args.timeout)
    try:
        print(f"  info  {driver.capabilities.get('browserName')} {driver.capabilities.get('browserVersion')}")
        set_viewport(driver, 1280, 900)

        # 1. logged out: / redirects to /login
        driver.get(base + "/")
        wait_ready(driver, args.timeout)
        check(path_of(driver.current_url) == "/login",
              f"logged-out GET / ends on /login (got {driver.current_url})")

        # 2. the login page
        body_text = driver.find_element(By.TAG_NAME, "body").text
        check("登录" in (driver.title + body_text), f"login page says 登录 (title: {driver.title!r})")
        for sel in ("input#username[name=username]", "input#password[name=password][type=password]",
                    "button#login-submit[type=submit]"):
            check(len(driver.find_elements(By.CSS_SELECTOR, sel)) == 1, f"login page has {sel}")
        shot("login-desktop.png")

        def submit_login(user, password):
            u = driver.find_element(By.ID, "username")
            p = driver.find_element(By.ID, "password")
            u.clear(); u.send_keys(user)
            p.clear(); p.send_keys(password)
            btn = driver.find_element(By.ID, "login-submit")
            btn.click()
            try:
                wait.until(EC.staleness_of(btn))  # the page was replaced
            except TimeoutException:
                pass
            except WebDriverException as error:  # Chromium's word for a button of the page just left
                if "does not belong to the document" not in str(error):
                    raise
            wait_ready(driver, args.timeout)

        # 3. wrong password
        submit_login(args.user, "wrong-password-" + str(int(time.time())))
        try:
            err = wait.until(EC.visibility_of_element_located((By.CSS_SELECTOR, ".flash-error")))
        except TimeoutException:
            raise SmokeFailure(f"wrong password: no visible .flash-error (at {driver.current_url})")
        check(bool(CJK.search(err.text)), f"wrong password shows .flash-error in Chinese: {err.text.strip()!r}")
        check(not driver.find_elements(By.CSS_SELECTOR, "body[data-page=home]"), "wrong password does not log in")
        check(len(driver.find_elements(By.ID, "username")) == 1, "login form shown again after wrong password")
        shot("login-error-desktop.png")

        # 4. right password
        submit_login(args.user, args.password)
        sel = f'body[data-page="home"][data-role="{role}"]'
        try:
            wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, sel)))
        except TimeoutException:
            body = driver.find_elements(By.TAG_NAME, "body")
            attrs = (body[0].get_attribute("data-page"), body[0].get_attribute("data-role")) if body else None
            raise SmokeFailure(f"after login expected {sel} at /, got {driver.current_url} body data-page/role={attrs}")
        ok(f"{args.user} logs in and lands on {sel}")
        check(path_of(driver.current_url) == "/", f"home page is at / (got {driver.current_url})")
        h1 = driver.find_elements(By.TAG_NAME, "h1")
        check(bool(h1) and h1[0].text.strip() != "", f"home page has an <h1>: {h1[0].text.strip()!r}" if h1 else
              "home page has an <h1>")
        if not CJK.search(driver.find_element(By.TAG_NAME, "body").text):
            warn("home page shows no Chinese text")

        # 5. screenshots: desktop (taller, to see more) and phone
        height = min(int(driver.execute_script("return document.documentElement.scrollHeight")), 3000)
        set_viewport(driver, 1280, max(900, height))
        time.sleep(0.3)
        shot("home-desktop.png")

        set_viewport(driver, 390, 844, mobile=True, scale=2)
        driver.refresh()
        wait_ready(driver, args.timeout)
        check(bool(driver.find_elements(By.CSS_SELECTOR, sel)), "home page still shown after reload (session kept)")
        shot("home-phone.png")
        sw = driver.execute_script("return document.documentElement.scrollWidth")
        if sw > 391:
            warn(f"phone viewport: page is {sw}px wide, wider than 390px (horizontal scrolling)")
        else:
            ok("phone viewport: no horizontal overflow")

        # 6. browser console errors are reported, not fatal
        try:
            for entry in driver.get_log("browser"):
                if entry.get("level") == "SEVERE":
                    warn(f"console: {entry.get('message')}")
        except WebDriverException:
            pass
    except (SmokeFailure, WebDriverException) as e:
        msg = str(e) if isinstance(e, SmokeFailure) else f"webdriver error: {getattr(e, 'msg', e)}"
        print(f"  FAIL  {msg}", file=sys.stderr, flush=True)
        try:
            driver.save_screenshot(os.path.join(args.out, "failure.png"))
            with open(os.path.join(args.out, "failure.html"), "w", encoding="utf-8") as f:
                f.write(driver.page_source)
            print(f"  (saved failure.png and failure.html in {args.out}; page was {driver.current_url})",
                  file=sys.stderr)
        except Exception:
            pass
        print(f"browser_smoke: {len(passed)} passed, 1 failed", flush=True)
        return 1
    finally:
        driver.quit()

    if warnings:
        print(f"  ({len(warnings)} warning(s) above)", flush=True)
    print(f"browser_smoke: {len(passed)} passed, 0 failed", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
