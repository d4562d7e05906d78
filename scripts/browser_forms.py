#!/usr/bin/env python3
"""Every registry and administration form of Shouwang (守望) submitted in a real browser, as shipped and with each choice.

    python3 scripts/browser_forms.py --base http://127.0.0.1:8089 --out screenshots/forms

Run by browser_journeys.py after its journeys (and alone with the line above). At 390 px (a phone) and 1280 px:
- 农户查询: the search as shipped (全部户类型, 全部监测状态), then each 户类型 and each 监测状态;
- 风险线索台账 filter: as shipped, then each 状态, 渠道 and 时限 (the township reviewer sees its open leads);
- 修改户信息, 修改成员 and 新增成员 saved with their default choices (未分组, 不在校, 无);
- the data-quality page's first finding → its household → 修改 of a member, saved as shipped;
- 登记收支: a new year, then the same year again (opens filled in; saved as a correction with a reason);
- 用户管理: a user of each role created with 部门 无, one disabled, enabled with a new password, one locked and unlocked;
- 导出: the county's registry as Excel and the lead ledger say 正在生成 from the click until the file arrives, and it does.
A form "works" when the next page is not the error page and shows no "未保存" problem list.
Ends with "browser_forms: N passed, M failed"; exit 1 on the first failure (screenshot and page in --out).
"""
import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser_smoke import make_driver, set_viewport, wait_ready  # noqa: E402

from selenium.common.exceptions import TimeoutException, WebDriverException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

PASSWORD = "shouwang-demo"
WIDTHS = [(390, 844, True), (1280, 900, False)]


class FormFailure(Exception):
    pass


class Forms:
    def __init__(self, base, out, timeout):
        self.base, self.out, self.timeout = base, out, timeout
        self.driver = None
        self.passed = []
        self.width = 1280
        self.run_tag = time.strftime("%H%M%S")

    # -- plumbing ---------------------------------------------------------------------------------------------------
    def ok(self, message):
        self.passed.append(message)
        print(f"  ok    [{self.width}] {message}", flush=True)

    def check(self, condition, message):
        if not condition:
            raise FormFailure(f"[{self.width}] {message}")
        self.ok(message)

    def login(self, user, width, height, phone, password=PASSWORD):
        if self.driver:
            self.driver.quit()
        self.width = width
        self.driver = make_driver(width, height)
        if phone:
            set_viewport(self.driver, width, height, mobile=True, scale=2)
        self.open("/login")
        self.driver.find_element(By.ID, "username").send_keys(user)
        self.driver.find_element(By.ID, "password").send_keys(password)
        self.driver.find_element(By.ID, "login-submit").click()
        WebDriverWait(self.driver, self.timeout).until(EC.presence_of_element_located((By.CSS_SELECTOR, 'body[data-page="home"]')))

    def open(self, path):
        self.driver.get(self.base + path)
        wait_ready(self.driver, self.timeout)

    def body(self):
        return self.driver.find_element(By.TAG_NAME, "body")

    def page_id(self):
        return self.body().get_attribute("data-page")

    def submit(self, form_css):
        form = self.driver.find_element(By.CSS_SELECTOR, form_css)
        button = form.find_elements(By.CSS_SELECTOR, "button[type=submit]")[-1]
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", button)
        button.click()
        try:
            WebDriverWait(self.driver, self.timeout).until(EC.staleness_of(button))
        except TimeoutException:
            pass
        except WebDriverException as error:
            # Chromium answers "does not belong to the document" rather than "stale" for a button of the page just left
            if "does not belong to the document" not in str(error):
                raise
        wait_ready(self.driver, self.timeout)

    def worked(self, what):
        """The page after a submission: not the error page, no problem list."""
        page = self.page_id()
        problems = self.driver.find_elements(By.CSS_SELECTOR, ".flash-error")
        detail = problems[0].text[:300] if problems else self.body().text[:300]
        self.check(page not in ("error", "login") and not problems, f"{what} (page {page}) {'' if not problems and page != 'error' else detail}")

    def shot(self, name, anchor=None):
        if anchor:  # a phone's screenshot is its viewport: bring the part that matters to the top
            found = self.driver.find_elements(By.CSS_SELECTOR, anchor)
            if found:
                self.driver.execute_script("arguments[0].scrollIntoView({block: 'start'});", found[0])
        height = min(int(self.driver.execute_script("return document.documentElement.scrollHeight")), 4000)
        self.driver.set_window_size(self.driver.get_window_size()["width"], max(900, height))
        self.driver.save_screenshot(os.path.join(self.out, f"{self.width}-{name}"))

    def again_if_stale(self, step):
        """Runs a step once more when Chromium reports an element from a page that was just replaced."""
        try:
            step()
        except WebDriverException as error:
            if "does not belong to the document" not in str(error) and "stale element" not in str(error):
                raise
            step()

    def fill(self, element_id, text):
        """Replaces what a field holds, as a user selecting it all and typing would."""
        WebDriverWait(self.driver, self.timeout).until(EC.presence_of_element_located((By.ID, element_id)))
        self.driver.execute_script("document.getElementById(arguments[0]).value = '';", element_id)
        self.driver.find_element(By.ID, element_id).send_keys(text)

    def options(self, select_css):
        return [(o.get_attribute("value"), o.text) for o in Select(self.driver.find_element(By.CSS_SELECTOR, select_css)).options]

    # -- forms ------------------------------------------------------------------------------------------------------
    def filter_form(self, path, form_css, selects, what):
        """Submits a GET filter form as shipped, then each option of each of its selects alone."""
        self.open(path)
        for name in selects:
            selected = Select(self.driver.find_element(By.CSS_SELECTOR, f"{form_css} select[name={name}]")).first_selected_option
            self.check(selected.get_attribute("value") == "", f"{what}: {name} is shipped with the empty choice {selected.text}")
        self.submit(form_css)
        self.worked(f"{what} as shipped")
        shipped = self.body().text
        self.shot(f"{path.strip('/').replace('/', '-')}-shipped.png")
        for name in selects:
            self.open(path)
            values = self.options(f"{form_css} select[name={name}]")
            for value, label in values:
                def choose_and_submit():
                    self.open(path)
                    Select(self.driver.find_element(By.CSS_SELECTOR, f"{form_css} select[name={name}]")).select_by_value(value)
                    self.submit(form_css)
                self.again_if_stale(choose_and_submit)
                self.worked(f"{what}: {name} = {label}")
        return shipped

    def household_search(self, phone):
        self.login("county", *phone)
        body = self.filter_form("/households", "form[action='/households']", ["type", "status"], "农户查询")
        self.check("无效" not in body and "共 0 户" not in body, "农户查询 as shipped finds the county's households")

    def lead_filter(self, phone):
        self.login("town", *phone)
        body = self.filter_form("/leads", "form[action='/leads']", ["state", "channel", "urgency"], "线索台账筛选")
        self.check("共 0 条" not in body, "线索台账 as shipped lists the township's leads")
        self.open("/leads")
        Select(self.driver.find_element(By.CSS_SELECTOR, "form[action='/leads'] select[name=state]")).select_by_value("open")
        self.submit("form[action='/leads']")
        self.check("共 0 条" not in self.body().text, "线索台账: 办理中 shows the leads waiting")
        self.shot("leads-open.png")

    def first_household(self):
        self.open("/households")
        links = [a.get_attribute("href") for a in self.driver.find_elements(By.CSS_SELECTOR, "main a") if "/households/" in (a.get_attribute("href") or "") and "export" not in a.get_attribute("href")]
        self.check(len(links) > 0, "the village has households")
        return links[0]

    def registry_forms(self, phone):
        self.login("village", *phone)
        household = self.first_household()
        self.driver.get(household + "/edit")
        wait_ready(self.driver, self.timeout)
        self.submit("main form[method=post]")
        self.worked("修改户信息 saved as shipped")
        members = [a.get_attribute("href") for a in self.driver.find_elements(By.LINK_TEXT, "修改")]
        self.check(len(members) > 0, "the household page offers 修改 for its members (visible on this width)")
        for link in members:
            self.driver.get(link)
            wait_ready(self.driver, self.timeout)
            self.submit("main form[method=post]")
            self.worked(f"修改成员 {link.rsplit('/', 2)[-2][:8]} saved as shipped")
        self.shot("household-after-member-edit.png", anchor="table.stack")
        self.driver.get(household + "/members/new")
        wait_ready(self.driver, self.timeout)
        self.check(Select(self.driver.find_element(By.ID, "schoolStatus")).first_selected_option.text == "不在校", "新增成员 is shipped with 在校状况 不在校")
        self.driver.find_element(By.ID, "name").send_keys("测试新成员")
        self.driver.find_element(By.ID, "idNumber").send_keys(identity_number(int(time.time()) % 900 + self.width % 7))
        Select(self.driver.find_element(By.ID, "relation")).select_by_visible_text("其他")
        self.driver.execute_script("arguments[0].click();", self.driver.find_element(By.CSS_SELECTOR, "input[name='health[]'][value='healthy']"))
        self.shot("member-new-filled.png")
        self.submit("main form[method=post]")
        self.worked("新增成员 saved with 不在校 and 无")
        self.check("测试新成员" in self.body().text, "the new member is on the household page")

    def income_forms(self, phone):
        self.login("village", *phone)
        household = self.first_household()
        year = "2014" if self.width < 760 else "2015"  # years the demo has not recorded, one per width
        self.driver.get(household + "/incomes/new?year=" + year)
        wait_ready(self.driver, self.timeout)
        self.fill("wage", "12000")
        if self.driver.find_elements(By.ID, "reason"):  # a second run on the same demo finds the year recorded
            self.driver.find_element(By.ID, "reason").send_keys("重复运行")
        self.submit("main form[method=post]")
        self.worked(f"登记收支 {year} saved")
        self.driver.get(household + "/incomes/new?year=" + year)
        wait_ready(self.driver, self.timeout)
        wage = self.driver.find_element(By.ID, "wage").get_attribute("value")
        self.check(wage == "12000.00", f"登记收支 {year} again opens with the recorded figures (工资性收入 {wage})")
        self.check(f"{year} 年已有收支记录" in self.body().text, "the form says it corrects the recorded year")
        self.shot("income-correction.png")
        self.fill("wage", "15000")
        self.driver.find_element(By.ID, "reason").send_keys("入户核实后更正")
        self.submit("main form[method=post]")
        self.worked(f"更正 {year} 年收支 saved with a reason")
        self.check(f"更正 {year} 年收支" in self.body().text, "the correction is in the household's history")

    def data_quality_link(self, phone):
        self.login("county", *phone)
        self.open("/registry/quality")
        links = [a.get_attribute("href") for a in self.driver.find_elements(By.CSS_SELECTOR, "main a") if "/households/" in (a.get_attribute("href") or "")]
        self.check(len(links) > 0, "the data-quality page links to households to fix")
        self.shot("quality.png")
        self.driver.get(links[0])
        wait_ready(self.driver, self.timeout)
        edits = [a.get_attribute("href") for a in self.driver.find_elements(By.LINK_TEXT, "修改")]
        self.check(len(edits) > 0, "the linked household offers 修改 for its members")
        self.driver.get(edits[0])
        wait_ready(self.driver, self.timeout)
        self.submit("main form[method=post]")
        problems = self.driver.find_elements(By.CSS_SELECTOR, ".flash-error")
        text = problems[0].text if problems else ""
        self.check("无法识别" not in text and "应为1至4" not in text, f"a member form reached from data quality does not refuse its own defaults {text[:200]}")

    def user_admin(self, phone):
        self.login("admin", *phone)
        areas = {}
        self.open("/admin/users")
        for row in self.driver.find_elements(By.CSS_SELECTOR, "main tbody tr"):
            cells = row.find_elements(By.TAG_NAME, "td")
            if cells:
                areas[cells[0].text] = cells[0].find_element(By.TAG_NAME, "a").get_attribute("href")
        self.open("/admin/users/new")
        roles = [value for value, _ in self.options("#role") if value]
        area_of = {}
        for demo in ["admin", "supervisor", "county", "town", "village", "grid", "contact", "dept"]:
            self.driver.get(areas[demo])
            wait_ready(self.driver, self.timeout)
            area_of["department" if demo == "dept" else demo] = self.driver.find_element(By.ID, "area_code").get_attribute("value")
        for role in roles:
            name = f"f{self.run_tag}{self.width}{role[:4]}"

            def fill_new_user():
                # opened afresh on each try: Chromium may still hold the page the last submission left
                self.open("/admin/users/new")
                self.driver.find_element(By.ID, "username").send_keys(name)
                self.driver.find_element(By.ID, "display_name").send_keys("测试" + role[:3])
                Select(self.driver.find_element(By.ID, "role")).select_by_value(role)
                self.driver.find_element(By.ID, "area_code").send_keys(area_of[role])
                if role == "department":
                    Select(self.driver.find_element(By.ID, "department")).select_by_index(1)
                self.driver.find_element(By.ID, "password").send_keys("browser-pass-123")

            self.again_if_stale(fill_new_user)
            if role == "grid":
                self.shot("user-new-grid.png")
            self.submit("main form[method=post]")
            self.again_if_stale(lambda: self.worked(f"用户管理: a {role} user is created (部门 as shipped unless a department)"))
        # disable, then enable with a new password
        target = f"f{self.run_tag}{self.width}grid"
        self.open("/admin/users")
        self.driver.find_element(By.LINK_TEXT, target).click()
        wait_ready(self.driver, self.timeout)
        edit_url = self.driver.current_url
        box = self.driver.find_element(By.CSS_SELECTOR, "input[name=is_active]")
        self.driver.execute_script("arguments[0].click();", box)
        self.submit("main form[method=post]")
        self.worked("用户管理: the grid worker is disabled")
        self.check("停用" in self.body().text, "the list shows the account as 停用")
        self.driver.get(edit_url)
        wait_ready(self.driver, self.timeout)
        self.driver.execute_script("arguments[0].click();", self.driver.find_element(By.CSS_SELECTOR, "input[name=is_active]"))
        self.driver.find_element(By.ID, "password").send_keys("browser-pass-456")
        self.submit("main form[method=post]")
        self.worked("用户管理: enabled again with a reset password")
        # lock by failed sign-ins, then unlock
        locker = make_driver()
        try:
            for _ in range(5):
                locker.get(self.base + "/login")
                wait_ready(locker, self.timeout)
                locker.find_element(By.ID, "username").send_keys(target)
                locker.find_element(By.ID, "password").send_keys("wrong-password")
                button = locker.find_element(By.ID, "login-submit")
                button.click()
                # each refusal must have come back before the next try (or the browser closes), so all five count
                try:
                    WebDriverWait(locker, self.timeout, ignored_exceptions=(WebDriverException,)).until(EC.staleness_of(button))
                except TimeoutException:
                    pass
                wait_ready(locker, self.timeout)
        finally:
            locker.quit()
        self.driver.get(edit_url)
        wait_ready(self.driver, self.timeout)
        self.check("解除锁定" in self.body().text, "the locked account offers 解除锁定")
        self.shot("user-locked.png")
        self.submit("form[action$='/unlock']") if self.driver.find_elements(By.CSS_SELECTOR, "form[action$='/unlock']") \
            else self.driver.find_element(By.ID, "unlock-submit").click()
        try:  # the redirect back to the account may still be on its way
            WebDriverWait(self.driver, self.timeout, ignored_exceptions=(WebDriverException,)).until(
                lambda driver: "登录锁定：是 → 否" in driver.find_element(By.TAG_NAME, "body").text)
        except TimeoutException:
            pass
        self.check(not self.driver.find_elements(By.ID, "lock") and "登录锁定：是 → 否" in self.body().text, "the account is unlocked and the change is in its history")
        self.shot("user-unlocked.png", anchor=".history")
        self.open("/audit")
        self.check(self.driver.find_element(By.CSS_SELECTOR, "table.stack td.wide").is_displayed(), "the log's 内容 is shown on this width")
        self.shot("audit.png")
        self.login(target, 1280, 900, False, password="browser-pass-456")
        self.ok("the unlocked user signs in with the reset password")

    def exports(self, phone):
        self.login("county", *phone)
        folder = os.path.abspath(os.path.join(self.out, f"downloads-{self.width}"))
        os.makedirs(folder, exist_ok=True)
        for name in os.listdir(folder):
            os.remove(os.path.join(folder, name))
        self.driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": folder})
        for path, label, prefix in [("/households", "导出 Excel", "households-"), ("/leads", "导出台账 Excel", "")]:
            self.open(path)
            link = self.driver.find_element(By.LINK_TEXT, label)
            self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", link)
            # what the notice says, in order (the click itself may return only once the file has begun)
            self.driver.execute_script("""
                window.noticesSeen = [];
                new MutationObserver(function () {
                    var notice = document.querySelector('.export-notice');
                    if (notice && notice.textContent !== window.noticesSeen[window.noticesSeen.length - 1]) window.noticesSeen.push(notice.textContent);
                }).observe(document.body, {subtree: true, childList: true, characterData: true});""")
            link.click()
            WebDriverWait(self.driver, 120).until(lambda d: "文件已生成" in d.find_element(By.CSS_SELECTOR, ".export-notice").text)
            seen = self.driver.execute_script("return window.noticesSeen;")
            self.check(len(seen) >= 2 and "正在生成" in seen[0] and "文件已生成" in seen[-1], f"{path} {label}: the page said {' → '.join(seen)}")
            self.shot(f"export-{path.strip('/')}-done.png", anchor=".actions")
            self.check(self.page_id() != "error", f"{path} {label}: the page stays and says the file has arrived")
            WebDriverWait(self.driver, 120).until(lambda d: any(n.startswith(prefix) and n.endswith(".xlsx") for n in os.listdir(folder)))
            self.ok(f"{path} {label}: the file is in the downloads ({', '.join(sorted(os.listdir(folder)))})")

    def run(self):
        for width, height, phone in WIDTHS:
            size = (width, height, phone)
            self.household_search(size)
            self.lead_filter(size)
            self.registry_forms(size)
            self.income_forms(size)
            self.data_quality_link(size)
            self.user_admin(size)
            self.exports(size)

    def fail(self, error):
        print(f"  FAIL  {error}", file=sys.stderr, flush=True)
        if self.driver:
            try:
                self.driver.save_screenshot(os.path.join(self.out, "failure.png"))
                with open(os.path.join(self.out, "failure.html"), "w", encoding="utf-8") as page:
                    page.write(self.driver.page_source)
            except WebDriverException:
                pass


def identity_number(sequence):
    """A valid GB 11643 number of 雁江区 (512002) born 1990-03-09, for a new member."""
    body = f"51200219900309{sequence % 1000:03d}"
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    check = "10X98765432"[sum(int(d) * w for d, w in zip(body, weights)) % 11]
    return body + check


def run(base, out, timeout=30):
    os.makedirs(out, exist_ok=True)
    forms = Forms(base, out, timeout)
    try:
        forms.run()
    except (FormFailure, WebDriverException, TimeoutException, KeyError) as error:
        forms.fail(error)
        print(f"browser_forms: {len(forms.passed)} passed, 1 failed", flush=True)
        return 1
    finally:
        if forms.driver:
            forms.driver.quit()
    print(f"browser_forms: {len(forms.passed)} passed, 0 failed", flush=True)
    return 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--out", default="screenshots/forms")
    parser.add_argument("--timeout", type=int, default=30)
    args = parser.parse_args()
    return run(args.base, args.out, args.timeout)


if __name__ == "__main__":
    sys.exit(main())
