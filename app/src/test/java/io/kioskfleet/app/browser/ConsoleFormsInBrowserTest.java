package io.kioskfleet.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * IT staff keep the fleet's records from the console's forms: units, single devices, accounts and
 * API tokens, and are told what is wrong with what they typed in their own language.
 */
class ConsoleFormsInBrowserTest extends BrowserStory {

    private void openSignedIn(String language, String path) throws Exception {
        browser = Browser.open(language);
        browser.get(url(path));
        Browser.signIn(browser, "admin", ADMIN_PASSWORD);
    }

    private WebElement field(String id) {
        return browser.findElement(By.id(id));
    }

    /** Applies the device filters and waits for the new list, so nothing is read from the old one. */
    private void applyFilters() {
        WebElement oldList = field("device-total");
        field("filter-apply").click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(oldList));
    }

    private void retype(String id, String text) {
        field(id).clear();
        field(id).sendKeys(text);
    }

    /** Check-ins reach the store with the next presence flush (every few seconds). */
    private void awaitOnline(String branch) throws InterruptedException {
        for (int attempt = 0; attempt < 40; attempt++) {
            if (admin.get("/api/v1/devices?ou=" + branch + "&lastSeen=ONLINE").json().path("total").asInt() == 1) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the laptop's check-ins never reached the store");
    }

    @Test
    void anAdminMovesALaptopToAnotherBranchAndRetagsItAfterBeingToldInJapaneseWhichTagIsWrong() throws Exception {
        String branch = newBranch(20);
        String other = newBranch(30);
        String id = admin.post("/api/v1/devices", "{\"serial\":\"" + unique("EDT") + "\",\"ouId\":\"" + branch
            + "\",\"model\":\"Chromebook\"}").text("id");
        openSignedIn("ja", "/devices/" + id);

        field("device-edit").click();
        new Select(field("device-edit-ou")).selectByValue(other);
        retype("device-edit-model", "ThinkPad L13");
        retype("device-edit-tags", "窓口, 2F/東");
        retype("device-edit-notes", "バッテリー交換済み");
        field("device-edit-save").click();

        assertThat(field("device-edit-errors").getText()).startsWith("タグ 2: ");
        assertThat(new Select(field("device-edit-ou")).getFirstSelectedOption().getAttribute("value")).isEqualTo(other);
        retype("device-edit-tags", "窓口, 2F");
        field("device-edit-save").click();

        assertThat(field("device-saved").getText()).isEqualTo("保存しました。");
        assertThat(field("device-model").getText()).isEqualTo("ThinkPad L13");
        assertThat(field("device-tags").getText()).isEqualTo("窓口, 2F");
        assertThat(field("device-notes").getText()).isEqualTo("バッテリー交換済み");
        assertThat(admin.get("/api/v1/devices/" + id).json().path("ouId").asString()).isEqualTo(other);
    }

    @Test
    void anAdminAddsABranchIsToldInJapaneseWhatIsMissingThenMovesAndRenamesIt() throws Exception {
        headquartersId();
        String other = newBranch(10);
        String name = unique("西部支所");
        openSignedIn("ja", "/ous");

        field("ou-name").sendKeys(name);
        retype("ou-travel", "40");
        field("ou-create").click();

        assertThat(field("ou-errors").getText()).isEqualTo("住所: 支所には住所が必要です");

        field("ou-address").sendKeys("西区1-1");
        field("ou-create").click();
        assertThat(field("ou-created").getText()).isEqualTo("組織を追加しました。");
        assertThat(field("ou-title").getText()).isEqualTo(name);

        retype("ou-name", name + "（移転）");
        new Select(field("ou-parent")).selectByValue(other);
        retype("ou-travel", "55");
        field("ou-save").click();

        assertThat(field("ou-saved").getText()).isEqualTo("保存しました。");
        assertThat(field("ou-title").getText()).isEqualTo(name + "（移転）");
        assertThat(new Select(field("ou-parent")).getFirstSelectedOption().getAttribute("value")).isEqualTo(other);
        assertThat(field("ou-travel").getAttribute("value")).isEqualTo("55");
    }

    @Test
    void anAdminPreRegistersOneLaptopWithTagsAndSeesItsPage() throws Exception {
        String branch = newBranch(30);
        String serial = unique("ONE");
        openSignedIn("en", "/devices");

        field("device-new").click();
        field("device-serial-input").sendKeys("!");
        new Select(field("device-ou")).selectByValue(branch);
        field("device-register").click();
        assertThat(field("device-errors").getText()).contains("Serial", "must be 3 to 64 characters of A-Z a-z 0-9 . _ -");

        retype("device-serial-input", serial);
        field("device-model").sendKeys("Chromebook 14");
        field("device-tags").sendKeys("loaner, floor-2");
        field("device-register").click();

        assertThat(field("device-registered").getText()).startsWith("Pre-registered.");
        assertThat(field("device-serial").getText()).isEqualTo(serial);
        assertThat(admin.get("/api/v1/devices?q=" + serial).json().path("items").get(0).path("tags").toString())
            .contains("loaner", "floor-2");
    }

    @Test
    void anAdminMakesAnAccountABranchAdminDisablesItAndIssuesAndRevokesAnApiToken() throws Exception {
        String branch = newBranch(20);
        String name = unique("yamada").toLowerCase();
        String id = admin.post("/api/v1/users", "{\"username\":\"" + name + "\",\"password\":\"a-long-password-1\",\"roles\":[\"STAFF\"]}")
            .text("id");
        openSignedIn("en", "/users/" + id);

        field("account-role-STAFF").click();
        field("account-role-BRANCH_ADMIN").click();
        field("account-save").click();
        assertThat(field("account-errors").getText()).isEqualTo("Units: a branch admin needs at least one organisation unit");

        new Select(field("account-units")).selectByValue(branch);
        field("account-enabled").click();
        field("account-save").click();
        assertThat(field("account-saved").getText()).isEqualTo("Saved.");
        assertThat(admin.get("/api/v1/users/" + id).json().path("enabled").asBoolean()).isFalse();
        assertThat(admin.get("/api/v1/users/" + id).json().path("ouScope").toString()).contains(branch);

        field("account-password").sendKeys("short");
        field("account-password-set").click();
        assertThat(field("password-errors").getText()).contains("Password", "must be 12 to 200 characters");

        field("nav-api-tokens").click();
        field("api-token-name").sendKeys("nightly export");
        field("api-token-role-FLEET_ADMIN").click();
        field("api-token-issue").click();
        String secret = field("issued-api-secret").getText();
        assertThat(secret).startsWith("kfat_");
        String tokenId = admin.get("/api/v1/api-tokens").json().get(0).path("id").asString();
        assertThat(field("api-token-" + tokenId).getText()).contains("nightly export", "Fleet admin", "Usable");

        field("revoke-" + tokenId).click();
        assertThat(field("api-token-revoked").getText()).isEqualTo("The token is revoked.");
        assertThat(field("api-token-" + tokenId).getText()).contains("Revoked");
    }

    @Test
    void anAuditorSearchesTheLogForOneDevicesChangesInJapanese() throws Exception {
        String branch = newBranch(25);
        String deviceId = admin.post("/api/v1/devices", "{\"serial\":\"" + unique("AUDS") + "\",\"ouId\":\"" + branch + "\"}")
            .text("id");
        admin.post("/api/v1/devices/" + deviceId + "/retire", "{\"reason\":\"broken screen\"}");
        openSignedIn("ja", "/audit");

        field("audit-target").sendKeys(deviceId);
        field("audit-action").sendKeys("device.");
        field("audit-search-apply").click();

        assertThat(field("audit-found").getText()).contains("2 件見つかりました");
        assertThat(field("audit-events").getText()).contains("device.retire", "device.preregister", deviceId);
        field("audit-search-clear").click();
        assertThat(browser.findElements(By.id("audit-found"))).isEmpty();
    }

    @Test
    void theEffectivePolicyOfAUnitAndOfADeviceSaysWhereEachSettingComesFrom() throws Exception {
        String branch = newBranch(35);
        String serial = unique("EFF");
        String deviceId = admin.post("/api/v1/devices", "{\"serial\":\"" + serial + "\",\"ouId\":\"" + branch + "\"}").text("id");
        openSignedIn("en", "/ous");

        field("effective-" + branch).click();
        assertThat(field("effective-title").getText()).startsWith("Policy in force for");
        assertThat(field("effective-settings").getText()).contains("Setting", "Comes from", "Default");

        browser.get(url("/devices/" + deviceId));
        field("device-effective-policy").click();
        assertThat(field("effective-title").getText()).isEqualTo("Policy in force for " + serial);
    }

    @Test
    void aLaptopThatNeverCheckedInIsFoundByLastSeenAndItsCheckInsShowOnceItDoes() throws Exception {
        String branch = newBranch(50);
        String quiet = unique("QUIET");
        String talking = unique("TALK");
        admin.post("/api/v1/devices", "{\"serial\":\"" + quiet + "\",\"ouId\":\"" + branch + "\"}");
        admin.post("/api/v1/devices", "{\"serial\":\"" + talking + "\",\"ouId\":\"" + branch + "\"}");
        String token = admin.post("/api/v1/enrollment-tokens", "{\"ouId\":\"" + branch + "\",\"maxUses\":1}").text("secret");
        io.kioskfleet.app.agent.EnrolledLaptop laptop = new io.kioskfleet.app.agent.EnrolledLaptop(serverPort).enroll(token, talking);
        laptop.checkIn();
        laptop.checkIn();
        awaitOnline(branch);
        openSignedIn("en", "/devices?ou=" + branch);

        new Select(field("filter-last-seen")).selectByValue("NEVER");
        applyFilters();
        assertThat(field("device-total").getText()).isEqualTo("1 devices");
        assertThat(browser.findElements(By.linkText(quiet))).hasSize(1);

        new Select(field("filter-last-seen")).selectByValue("ONLINE");
        applyFilters();
        browser.findElement(By.linkText(talking)).click();
        assertThat(field("device-check-ins").getText()).isEqualTo("2");
        assertThat(field("timeline").getText()).contains("Check-in", "Checked in");
    }
}
