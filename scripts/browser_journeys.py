#!/usr/bin/env python3
"""Main journeys of Shouwang (守望) in a real browser, after browser_smoke.py has checked the login.

    python3 scripts/browser_journeys.py --base http://127.0.0.1:8089 --out screenshots/journeys

1. A grid worker, on a phone, opens a household from the worklist and records a visit that reports an illness risk.
2. The village committee opens that household's lead in the ledger and confirms it to the township.
3. The county runs the screening of its area and reads the result per village.
4. Every registry and administration form, as shipped and with each choice, at 390 and 1280 px (browser_forms.py;
   screenshots in --out/forms).
Ends with "browser_journeys: N passed, M failed"; exit 1 on the first failure (screenshot and page in --out).
"""
import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser_smoke import make_driver, set_viewport, wait_ready  # noqa: E402
import browser_forms  # noqa: E402

from selenium.common.exceptions import TimeoutException, WebDriverException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

PASSWORD = "shouwang-demo"


class JourneyFailure(Exception):
    pass


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--out", default="screenshots/journeys")
    parser.add_argument("--timeout", type=int, default=30)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    passed = []
    driver = None

    def ok(message):
        passed.append(message)
        print(f"  ok    {message}", flush=True)

    def check(condition, message):
        if not condition:
            raise JourneyFailure(message)
        ok(message)

    def login(user, phone=False):
        nonlocal driver
        if driver:
            driver.quit()
        driver = make_driver()
        if phone:
            set_viewport(driver, 390, 844, mobile=True, scale=2)
        driver.get(args.base + "/login")
        wait_ready(driver, args.timeout)
        driver.find_element(By.ID, "username").send_keys(user)
        driver.find_element(By.ID, "password").send_keys(PASSWORD)
        driver.find_element(By.ID, "login-submit").click()
        WebDriverWait(driver, args.timeout).until(EC.presence_of_element_located((By.CSS_SELECTOR, f'body[data-page="home"][data-role="{user}"]')))
        ok(f"{user} signs in")

    def submit(form_selector="main form button[type=submit]"):
        buttons = driver.find_elements(By.CSS_SELECTOR, form_selector)
        button = buttons[-1]
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", button)
        button.click()
        try:
            WebDriverWait(driver, args.timeout).until(EC.staleness_of(button))
        except TimeoutException:
            pass
        except WebDriverException as error:
            # Chromium answers "does not belong to the document" rather than "stale" for a button of the page just left
            if "does not belong to the document" not in str(error):
                raise
        wait_ready(driver, args.timeout)

    def shot(name):
        height = min(int(driver.execute_script("return document.documentElement.scrollHeight")), 4000)
        driver.set_window_size(driver.get_window_size()["width"], max(900, height))
        driver.save_screenshot(os.path.join(args.out, name))

    try:
        # 1. grid worker on a phone: worklist → household → visit with a risk
        login("grid", phone=True)
        links = driver.find_elements(By.CSS_SELECTOR, ".household-list a")
        check(len(links) > 0, "the grid worker's worklist lists households")
        household_name = links[0].find_element(By.TAG_NAME, "strong").text
        links[0].click()
        wait_ready(driver, args.timeout)
        check(driver.find_element(By.TAG_NAME, "body").get_attribute("data-page") == "household", f"household page of {household_name} opens")
        household_url = driver.current_url
        driver.find_element(By.LINK_TEXT, "登记走访").click()
        wait_ready(driver, args.timeout)
        driver.execute_script("document.getElementById('visited_on').value = arguments[0];", time.strftime("%Y-%m-%d", time.gmtime(time.time() + 8 * 3600)))
        driver.find_element(By.ID, "findings").send_keys("户主上周突发疾病住院，家中无人务工。")
        checkbox = driver.find_element(By.CSS_SELECTOR, "input[name='risks[]'][value='illness']")
        driver.execute_script("arguments[0].click();", checkbox)
        driver.find_element(By.ID, "risk_note").send_keys("户主住院治疗，医疗费用较高。")
        submit()
        check(driver.current_url.split("?")[0].rstrip("/") == household_url.rstrip("/"), "the visit is saved and the household page shows again")
        body = driver.find_element(By.TAG_NAME, "body").text
        check("走访已保存，已生成线索" in driver.find_element(By.ID, "notice").text, "the page confirms the visit was saved and a lead raised")
        check("报告风险" in body and "户主住院治疗" in body, "the visit and its reported risk are on the household page")
        check("风险线索" in body, "the reported risk became a lead of the household")
        shot("grid-household-phone.png")

        # 2. village committee: open the lead and confirm it to the township
        login("village")
        driver.get(household_url)
        wait_ready(driver, args.timeout)
        lead_links = [a for a in driver.find_elements(By.CSS_SELECTOR, "a") if "/leads/" in (a.get_attribute("href") or "")]
        check(len(lead_links) > 0, "the village sees the household's lead")
        illness = [a for a in lead_links if a.text == "因病"] or lead_links
        illness[0].click()
        wait_ready(driver, args.timeout)
        check("待村级核实" in driver.find_element(By.TAG_NAME, "body").text, "the lead waits for the village check")
        Select(driver.find_element(By.ID, "action")).select_by_value("confirm")
        driver.find_element(By.ID, "text").send_keys("入户核实属实，住院自付较多。")
        submit()
        body = driver.find_element(By.TAG_NAME, "body").text
        check("待乡镇复核" in body and "入户核实属实" in body, "the village confirms it and it goes to the township")
        shot("village-lead.png")

        # 3. county: screen the area and read the result per village
        login("county")
        driver.get(args.base + "/screening")
        wait_ready(driver, args.timeout)
        driver.find_element(By.ID, "run-screening").click()
        WebDriverWait(driver, 120).until(EC.presence_of_element_located((By.CSS_SELECTOR, 'body[data-page="screening-run"]')))
        body = driver.find_element(By.TAG_NAME, "body").text
        check("筛查结果" in body and "各村命中" in body, "the county runs the screening and reads hits per village")
        shot("county-screening.png")
    except (JourneyFailure, WebDriverException, TimeoutException) as error:
        print(f"  FAIL  {error}", file=sys.stderr, flush=True)
        if driver:
            try:
                driver.save_screenshot(os.path.join(args.out, "failure.png"))
                with open(os.path.join(args.out, "failure.html"), "w", encoding="utf-8") as page:
                    page.write(driver.page_source)
            except WebDriverException:
                pass
        print(f"browser_journeys: {len(passed)} passed, 1 failed", flush=True)
        return 1
    finally:
        if driver:
            driver.quit()
    print(f"browser_journeys: {len(passed)} passed, 0 failed", flush=True)
    # 4. every form as shipped and with each choice, on a phone and a desktop
    return browser_forms.run(args.base, os.path.join(args.out, "forms"), args.timeout)


if __name__ == "__main__":
    sys.exit(main())
