#include "datagen/onet_names_zh.hpp"

#include <algorithm>
#include <iterator>

namespace talentmatch::datagen {

namespace {
struct Entry {
    std::string_view id;
    std::string_view name;
};
// Sorted by id (string order) for binary search.
constexpr Entry kNames[] = {
    {"2.A.1.a", "阅读理解"},       {"2.A.1.b", "积极倾听"},       {"2.A.1.c", "写作"},
    {"2.A.1.d", "口头表达"},       {"2.A.1.e", "数学运算"},       {"2.A.1.f", "科学方法"},
    {"2.A.2.a", "批判性思维"},     {"2.A.2.b", "主动学习"},       {"2.A.2.c", "学习策略"},
    {"2.A.2.d", "监控评估"},       {"2.B.1.a", "社会洞察"},       {"2.B.1.b", "协调配合"},
    {"2.B.1.c", "说服"},           {"2.B.1.d", "谈判"},           {"2.B.1.e", "指导他人"},
    {"2.B.1.f", "服务意识"},       {"2.B.2.i", "复杂问题解决"},   {"2.B.3.a", "运营分析"},
    {"2.B.3.b", "技术设计"},       {"2.B.3.c", "设备选型"},       {"2.B.3.d", "安装"},
    {"2.B.3.e", "编程"},           {"2.B.3.g", "运行监控"},       {"2.B.3.h", "操作与控制"},
    {"2.B.3.j", "设备维护"},       {"2.B.3.k", "故障排除"},       {"2.B.3.l", "维修"},
    {"2.B.3.m", "质量控制分析"},   {"2.B.4.e", "判断与决策"},     {"2.B.4.g", "系统分析"},
    {"2.B.4.h", "系统评估"},       {"2.B.5.a", "时间管理"},       {"2.B.5.b", "财务资源管理"},
    {"2.B.5.c", "物资资源管理"},   {"2.B.5.d", "人力资源管理"},   {"2.C.1.a", "行政与管理"},
    {"2.C.1.b", "行政事务"},       {"2.C.1.c", "经济与会计"},     {"2.C.1.d", "销售与市场营销"},
    {"2.C.1.e", "客户与个人服务"}, {"2.C.1.f", "人事与人力资源"}, {"2.C.10", "交通运输"},
    {"2.C.2.a", "生产与加工"},     {"2.C.2.b", "食品生产"},       {"2.C.3.a", "计算机与电子"},
    {"2.C.3.b", "工程与技术"},     {"2.C.3.c", "设计"},           {"2.C.3.d", "建筑与施工"},
    {"2.C.3.e", "机械"},           {"2.C.4.a", "数学"},           {"2.C.4.b", "物理"},
    {"2.C.4.c", "化学"},           {"2.C.4.d", "生物"},           {"2.C.4.e", "心理学"},
    {"2.C.4.f", "社会学与人类学"}, {"2.C.4.g", "地理"},           {"2.C.5.a", "医学与牙科"},
    {"2.C.5.b", "治疗与咨询"},     {"2.C.6", "教育与培训"},       {"2.C.7.a", "英语语言"},
    {"2.C.7.b", "外语"},           {"2.C.7.c", "美术"},           {"2.C.7.d", "历史与考古"},
    {"2.C.7.e", "哲学与神学"},     {"2.C.8.a", "公共安全与保卫"}, {"2.C.8.b", "法律与政府"},
    {"2.C.9.a", "电信"},           {"2.C.9.b", "传播与媒体"},
};
}  // namespace

std::string onet_name_zh(std::string_view element_id) {
    const auto it = std::lower_bound(std::begin(kNames), std::end(kNames), element_id,
                                     [](const Entry& e, std::string_view id) { return e.id < id; });
    if (it != std::end(kNames) && it->id == element_id) return std::string(it->name);
    return {};
}

}  // namespace talentmatch::datagen
